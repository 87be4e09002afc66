namespace Stow.Perception.Onnx;

/// <summary>
/// Tensor element types, with the values of <c>ONNXTensorElementDataType</c> (ONNX <c>TensorProto.DataType</c>).
/// Manifest spelling is in <see cref="TensorElementTypes"/>. Bound buffers support
/// <see cref="Float32"/>, <see cref="UInt8"/> and <see cref="Int64"/>.
/// </summary>
public enum TensorElementType
{
    /// <summary>Not a tensor, or unknown.</summary>
    Undefined = 0,

    /// <summary>IEEE 754 binary32 (<c>float</c>); manifest "float32".</summary>
    Float32 = 1,

    /// <summary>Unsigned byte; manifest "uint8".</summary>
    UInt8 = 2,

    /// <summary>Signed byte; manifest "int8".</summary>
    Int8 = 3,

    /// <summary>Unsigned 16-bit; manifest "uint16".</summary>
    UInt16 = 4,

    /// <summary>Signed 16-bit; manifest "int16".</summary>
    Int16 = 5,

    /// <summary>Signed 32-bit; manifest "int32".</summary>
    Int32 = 6,

    /// <summary>Signed 64-bit; manifest "int64".</summary>
    Int64 = 7,

    /// <summary>String; manifest "string".</summary>
    String = 8,

    /// <summary>Boolean, one byte; manifest "bool".</summary>
    Bool = 9,

    /// <summary>IEEE 754 binary16; manifest "float16".</summary>
    Float16 = 10,

    /// <summary>IEEE 754 binary64; manifest "float64".</summary>
    Float64 = 11,

    /// <summary>Unsigned 32-bit; manifest "uint32".</summary>
    UInt32 = 12,

    /// <summary>Unsigned 64-bit; manifest "uint64".</summary>
    UInt64 = 13,

    /// <summary>Two float32; manifest "complex64".</summary>
    Complex64 = 14,

    /// <summary>Two float64; manifest "complex128".</summary>
    Complex128 = 15,

    /// <summary>bfloat16; manifest "bfloat16".</summary>
    BFloat16 = 16,
}
