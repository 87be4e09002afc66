namespace Stow.Perception.Onnx;

using Microsoft.ML.OnnxRuntime;

/// <summary>
/// A preallocated tensor buffer bound to one model input or output of an <see cref="OnnxModelRunner"/>: a
/// row-major (C order) array on the pinned object heap, wrapped once in an <see cref="OrtValue"/>
/// (<see cref="OrtValue.CreateTensorValueFromMemory{T}(T[], long[])"/>) that ORT reads (inputs) or writes (outputs) in
/// place on every <see cref="OnnxModelRunner.Run"/>. Created once at bind time; never reallocated.
/// </summary>
/// <remarks>
/// Threading: the buffer belongs to its runner; write inputs and read outputs only from the thread that calls
/// <see cref="OnnxModelRunner.Run"/>, and not while a run is in progress. <see cref="AsSpan{T}"/> reads the managed
/// array and allocates nothing (ORT's <c>OrtValue.GetTensorMutableDataAsSpan</c> allocates a shape array per call).
/// </remarks>
public sealed class OnnxBoundTensor : IDisposable
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
        (_buffer, Value) = elementType switch
        {
            TensorElementType.Float32 => Wrap(GC.AllocateArray<float>(ElementCount, pinned: true), shape),
            TensorElementType.UInt8 => Wrap(GC.AllocateArray<byte>(ElementCount, pinned: true), shape),
            TensorElementType.Int64 => Wrap(GC.AllocateArray<long>(ElementCount, pinned: true), shape),
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

    /// <summary>ORT's tensor over the buffer (CPU memory), as bound to the runner's <see cref="OrtIoBinding"/>.</summary>
    public OrtValue Value { get; }

    internal long[] ShapeArray { get; }

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

    /// <summary>Releases the <see cref="OrtValue"/> (the buffer itself is managed). The owning runner calls it.</summary>
    public void Dispose() => Value.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {ElementType.ToManifestName()} {TensorDim.Format(ShapeArray)}";

    private static (Array, OrtValue) Wrap<T>(T[] buffer, long[] shape)
        where T : unmanaged => (buffer, OrtValue.CreateTensorValueFromMemory(buffer, shape));
}
