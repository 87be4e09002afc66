namespace Stow.Perception.Onnx;

/// <summary>
/// A bound call of one <see cref="OnnxSession"/>: preallocated, pinned input and output buffers wrapped once in
/// ORT tensors (CreateTensorWithDataAsOrtValue) and bound once to an ORT I/O binding. Each <see cref="Run"/> is a
/// single RunWithBinding: ORT reads the input buffers and writes the outputs in place, and no managed memory is
/// allocated in steady state.
/// </summary>
/// <remarks>
/// <para>Use: write inputs through <see cref="Input(string)"/>.<see cref="OnnxBoundTensor.AsSpan{T}"/>, call
/// <see cref="Run"/>, read outputs through <see cref="Output(string)"/>. Shapes are fixed at bind time
/// (<see cref="OnnxSession.Bind(long)"/>).</para>
/// <para>Threading: one thread at a time per runner (a concurrent <see cref="Run"/> throws
/// <see cref="InvalidOperationException"/>); use one runner per thread to run a session in parallel. The
/// <see cref="OrtEnvironment"/> is shared.</para>
/// <para>Lifetime: the runner keeps its session's native handle alive until <see cref="Dispose"/>; the ORT
/// tensors are released before the buffers can be collected.</para>
/// </remarks>
public sealed unsafe class OnnxModelRunner : IDisposable
{
    private readonly OnnxSession _session;
    private readonly OnnxBoundTensor[] _inputs;
    private readonly OnnxBoundTensor[] _outputs;
    private readonly List<OrtHandle> _values = [];
    private readonly OrtHandle _memoryInfo = null!;
    private readonly OrtHandle _runOptions = null!;
    private readonly OrtHandle _binding = null!;
    private readonly nint _sessionPointer;
    private bool _sessionReferenced;
    private int _running;
    private bool _disposed;

    internal OnnxModelRunner(OnnxSession session, OnnxTensorBinding[] inputs, long[][] outputShapes)
    {
        _session = session;
        session.Handle.DangerousAddRef(ref _sessionReferenced);
        _sessionPointer = session.Handle.DangerousGetHandle();
        _inputs = new OnnxBoundTensor[inputs.Length];
        _outputs = new OnnxBoundTensor[outputShapes.Length];
        try
        {
            _memoryInfo = OrtNative.CreateCpuMemoryInfo();
            _runOptions = OrtNative.CreateRunOptions();
            _binding = OrtNative.CreateIoBinding(session.Handle);
            for (int i = 0; i < inputs.Length; i++)
            {
                _inputs[i] = BindOne(inputs[i].Name, inputs[i].ElementType, [.. inputs[i].Shape], output: false);
            }

            for (int o = 0; o < outputShapes.Length; o++)
            {
                OnnxTensorInfo info = session.Outputs[o];
                _outputs[o] = BindOne(info.Name, info.ElementType, outputShapes[o], output: true);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The session this runner runs.</summary>
    public OnnxSession Session => _session;

    /// <summary>Input buffers in the model's input order.</summary>
    public IReadOnlyList<OnnxBoundTensor> Inputs => _inputs;

    /// <summary>Output buffers in the model's output order.</summary>
    public IReadOnlyList<OnnxBoundTensor> Outputs => _outputs;

    /// <summary>The input buffer named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such input.</exception>
    public OnnxBoundTensor Input(string name) => Find(_inputs, name, "input");

    /// <summary>The output buffer named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such output.</exception>
    public OnnxBoundTensor Output(string name) => Find(_outputs, name, "output");

    /// <summary>Runs the model once on the current input buffers, writing the output buffers. Allocation-free.</summary>
    /// <exception cref="ObjectDisposedException">The runner was disposed.</exception>
    /// <exception cref="InvalidOperationException">Another thread is running this runner.</exception>
    /// <exception cref="OnnxRuntimeException">ORT failed; the message names the model.</exception>
    public void Run()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            throw new InvalidOperationException(
                $"model {_session.ModelFileName}: a runner may be run from one thread at a time; bind one runner per thread");
        }

        try
        {
            OrtNative.RunWithBinding(_sessionPointer, _runOptions.Raw, _binding.Raw);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxRuntimeException(_session.ModelPath, e);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>Releases the binding, the ORT tensors and the reference on the session.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _binding?.Dispose();
        foreach (OrtHandle value in _values)
        {
            value.Dispose();
        }

        _runOptions?.Dispose();
        _memoryInfo?.Dispose();
        if (_sessionReferenced)
        {
            _sessionReferenced = false;
            _session.Handle.DangerousRelease();
        }
    }

    private static OnnxBoundTensor Find(OnnxBoundTensor[] tensors, string name, string role)
    {
        foreach (OnnxBoundTensor t in tensors)
        {
            if (t.Name == name)
            {
                return t;
            }
        }

        throw new KeyNotFoundException(
            $"{role} '{name}' is not bound; bound {role}s are {string.Join(", ", tensors.Select(t => $"'{t.Name}'"))}");
    }

    private OnnxBoundTensor BindOne(string name, TensorElementType type, long[] shape, bool output)
    {
        var tensor = new OnnxBoundTensor(name, type, shape);
        OrtHandle value = OrtNative.CreateTensorOverMemory(_memoryInfo, tensor.DataPointer, tensor.ByteLength, shape, type);
        _values.Add(value);
        OrtNative.Bind(_binding, name, value, output);
        return tensor;
    }
}
