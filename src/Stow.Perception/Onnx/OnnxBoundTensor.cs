namespace Stow.Perception.Onnx;

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

/// <summary>
/// A preallocated tensor buffer bound to one model input or output of an <see cref="OnnxModelRunner"/>: a
/// row-major (C order) array on the pinned object heap that ORT reads (inputs) or writes (outputs) in place on
/// every <see cref="OnnxModelRunner.Run"/>. Created once at bind time; never reallocated.
/// </summary>
/// <remarks>
/// Threading: the buffer belongs to its runner; write inputs and read outputs only from the thread that calls
/// <see cref="OnnxModelRunner.Run"/>, and not while a run is in progress.
/// </remarks>
public sealed unsafe class OnnxBoundTensor
{
    private readonly Array _buffer;

    internal OnnxBoundTensor(string name, TensorElementType elementType, long[] shape)
    {
        Name = name;
        ElementType = elementType;
        ShapeArray = shape;
        long count = 1;
        foreach (long d in shape)
        {
            count = checked(count * d);
        }

        ElementCount = checked((int)count);
        _buffer = elementType switch
        {
            TensorElementType.Float32 => GC.AllocateArray<float>(ElementCount, pinned: true),
            TensorElementType.UInt8 => GC.AllocateArray<byte>(ElementCount, pinned: true),
            TensorElementType.Int64 => GC.AllocateArray<long>(ElementCount, pinned: true),
            _ => throw new NotSupportedException($"element type {elementType.ToManifestName()} cannot be bound"),
        };
        ByteLength = (long)ElementCount * elementType.BindableByteSize();
    }

    /// <summary>The model input/output name.</summary>
    public string Name { get; }

    /// <summary>Element type (float32, uint8 or int64).</summary>
    public TensorElementType ElementType { get; }

    /// <summary>Concrete shape fixed at bind time, outermost first.</summary>
    public IReadOnlyList<long> Shape => ShapeArray;

    /// <summary>Number of elements (product of <see cref="Shape"/>).</summary>
    public int ElementCount { get; }

    /// <summary>Size of the buffer in bytes.</summary>
    public long ByteLength { get; }

    internal long[] ShapeArray { get; }

    /// <summary>Address of the first element; stable for the buffer's life (pinned object heap).</summary>
    internal void* DataPointer => Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_buffer));

    /// <summary>The buffer as a span of <typeparamref name="T"/>: float for float32, byte for uint8, long for int64.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> does not match <see cref="ElementType"/>.</exception>
    public Span<T> AsSpan<T>()
        where T : unmanaged
    {
        if (_buffer is T[] typed)
        {
            return typed;
        }

        throw new InvalidOperationException(
            $"tensor '{Name}' holds {ElementType.ToManifestName()}, not {typeof(T).Name}");
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {ElementType.ToManifestName()} {TensorDim.Format(ShapeArray)}";
}
