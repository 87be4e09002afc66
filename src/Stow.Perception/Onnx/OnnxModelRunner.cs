namespace Stow.Perception.Onnx;

using Microsoft.ML.OnnxRuntime;
using OrtException = Microsoft.ML.OnnxRuntime.OnnxRuntimeException;

/// <summary>
/// A bound call of one <see cref="OnnxSession"/>: preallocated, pinned input and output buffers wrapped once in
/// <see cref="OrtValue"/>s and bound once to an <see cref="OrtIoBinding"/>. Each <see cref="Run"/> is a single
/// <see cref="InferenceSession.RunWithBinding(RunOptions, OrtIoBinding)"/>: ORT reads the input buffers and writes
/// the outputs in place, and no managed memory is allocated in steady state.
/// </summary>
/// <remarks>
/// <para>Use: write inputs through <see cref="Input(string)"/>.<see cref="OnnxBoundTensor.AsSpan{T}"/>, call
/// <see cref="Run"/>, read outputs through <see cref="Output(string)"/>. Shapes are fixed at bind time
/// (<see cref="OnnxSession.Bind(long)"/>), e.g. <c>[40,4,32,48]</c> for the band model's face batch.</para>
/// <para>Threading: one thread at a time per runner (a concurrent <see cref="Run"/> throws
/// <see cref="InvalidOperationException"/>); use one runner per thread to run a session in parallel. The
/// <see cref="OnnxEnvironment"/> is shared.</para>
/// <para>Lifetime: the runner keeps its session's <see cref="InferenceSession"/> alive until <see cref="Dispose"/>,
/// which releases the binding and the ORT values.</para>
/// </remarks>
public sealed class OnnxModelRunner : IDisposable
{
    private readonly OnnxSession _session;
    private readonly OnnxBoundTensor[] _inputs;
    private readonly OnnxBoundTensor[] _outputs;
    private readonly RunOptions _runOptions = null!;
    private readonly OrtIoBinding _binding = null!;
    private readonly bool _referenced;
    private readonly bool _onDevice;
    private int _running;
    private bool _disposed;

    internal OnnxModelRunner(OnnxSession session, OnnxTensorBinding[] inputs, long[][] outputShapes)
    {
        _session = session;
        session.AddReference();
        _referenced = true;
        _onDevice = session.ActiveProvider != OnnxExecutionProvider.Cpu;
        _inputs = new OnnxBoundTensor[inputs.Length];
        _outputs = new OnnxBoundTensor[outputShapes.Length];
        try
        {
            _runOptions = new RunOptions();
            _binding = session.InferenceSession.CreateIoBinding();
            for (int i = 0; i < inputs.Length; i++)
            {
                _inputs[i] = new OnnxBoundTensor(inputs[i].Name, inputs[i].ElementType, [.. inputs[i].Shape]);
                _binding.BindInput(inputs[i].Name, _inputs[i].Value);
            }

            for (int o = 0; o < outputShapes.Length; o++)
            {
                OnnxTensorInfo info = session.Outputs[o];
                _outputs[o] = new OnnxBoundTensor(info.Name, info.ElementType, outputShapes[o]);
                _binding.BindOutput(info.Name, _outputs[o].Value);
            }
        }
        catch (OrtException e)
        {
            Dispose();
            throw OnnxRuntimeException.FromOrt(session.ModelPath, e);
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

    /// <summary>
    /// Runs the model once on the current input buffers, writing the output buffers. Allocation-free on CPU; on a device
    /// (CUDA) the inputs are bound again before the run (see the body), which marshals their names.
    /// </summary>
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
            if (_onDevice)
            {
                // ORT copies a host input to the device when it is bound, not when the session runs: a host buffer bound
                // once would feed the device the values it held at bind time (zeros) on every run. Seen on an H200 with
                // the CUDA provider: outputs were those of an all-zero input, up to 1.0 away from CPU's. So on a device
                // the inputs are bound again before each run (ORT marshals each name: a few bytes per input per run),
                // and the outputs are synchronised back into the host buffers before they are read.
                for (int i = 0; i < _inputs.Length; i++)
                {
                    _binding.BindInput(_inputs[i].Name, _inputs[i].Value);
                }

                _binding.SynchronizeBoundInputs();
                _session.InferenceSession.RunWithBinding(_runOptions, _binding);
                _binding.SynchronizeBoundOutputs();
            }
            else
            {
                _session.InferenceSession.RunWithBinding(_runOptions, _binding);
            }
        }
        catch (OrtException e)
        {
            throw OnnxRuntimeException.FromOrt(_session.ModelPath, e);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>Releases the binding, the ORT values and the reference on the session.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _binding?.Dispose();
        foreach (OnnxBoundTensor? t in _inputs.Concat(_outputs))
        {
            t?.Dispose();
        }

        _runOptions?.Dispose();
        if (_referenced)
        {
            _session.Release();
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
}
