namespace Stow.Perception.Onnx;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using OrtException = Microsoft.ML.OnnxRuntime.OnnxRuntimeException;

/// <summary>
/// An ONNX Runtime <see cref="Microsoft.ML.OnnxRuntime.InferenceSession"/> over one <c>.onnx</c> file, with the
/// model's input and output names, element types and shapes read from ORT's metadata, and the execution provider
/// that actually ran the model's nodes. Runs go through an <see cref="OnnxModelRunner"/> from
/// <see cref="Bind(long)"/>, which owns preallocated buffers bound once to an <see cref="OrtIoBinding"/>.
/// </summary>
/// <remarks>
/// <para>Errors surface at load: a missing file, a corrupt model (ORT's own message, prefixed with the file
/// name) or a failed ORT call throw from <see cref="Load"/>.</para>
/// <para>Execution provider: with <see cref="OnnxExecutionProvider.Cuda"/> the session asks ORT for the CUDA
/// provider (<see cref="SessionOptions.AppendExecutionProvider_CUDA(int)"/> with the device id). When ORT refuses
/// (no CUDA or cuDNN library, no device), exactly one warning is logged with ORT's reason, which names the missing
/// library, and the session runs on CPU. ORT can also place nodes on CPU quietly, so <see cref="Load"/> runs the model
/// once on zeros with ORT's profiler on and reads which provider ran each node (<see cref="NodesByProvider"/>,
/// <see cref="ExecutionProvider"/>).</para>
/// <para>Threading: the session's metadata is immutable and <see cref="Bind(long)"/> may be called from any
/// thread. Each runner may be run from one thread at a time; different runners of one session may run
/// concurrently (ORT sessions are thread-safe for Run). Disposing the session while runners are alive defers
/// the native release until the last runner is disposed.</para>
/// </remarks>
public sealed partial class OnnxSession : IDisposable
{
    private readonly Lock _lifetime = new();
    private int _references = 1; // the session itself, plus one per live runner
    private volatile bool _disposed;

    private OnnxSession(string modelPath, InferenceSession session, OnnxSessionOptions options, string? fallbackReason)
    {
        ModelPath = modelPath;
        InferenceSession = session;
        Options = options;
        ProviderFallbackReason = fallbackReason;
        Inputs = ReadTensorInfos(session.InputNames, session.InputMetadata);
        Outputs = ReadTensorInfos(session.OutputNames, session.OutputMetadata);
    }

    /// <summary>Full path of the model file.</summary>
    public string ModelPath { get; }

    /// <summary>File name of the model, as used in messages.</summary>
    public string ModelFileName => Path.GetFileName(ModelPath);

    /// <summary>ORT's session. Released when the session and every runner bound from it are disposed.</summary>
    public InferenceSession InferenceSession { get; }

    /// <summary>The options the session was created with.</summary>
    public OnnxSessionOptions Options { get; }

    /// <summary>
    /// The provider actually in use: <see cref="OnnxExecutionProvider.Cuda"/> when ORT's profile shows nodes run by the
    /// CUDA provider, else CPU (also when CUDA was asked for but could not be used).
    /// </summary>
    public OnnxExecutionProvider ActiveProvider =>
        NodesByProvider.ContainsKey("CUDAExecutionProvider") ? OnnxExecutionProvider.Cuda : OnnxExecutionProvider.Cpu;

    /// <summary>
    /// How many of the model's nodes each provider ran in the profiled probe run at load, keyed by ORT's provider name
    /// (e.g. <c>CPUExecutionProvider</c>). Empty when the probe could not run (see <see cref="ExecutionProvider"/>).
    /// </summary>
    public IReadOnlyDictionary<string, int> NodesByProvider { get; private set; } = new Dictionary<string, int>();

    /// <summary>
    /// The providers that ran the model, short names most nodes first, e.g. <c>cpu</c>, <c>cuda</c> or <c>cuda+cpu</c>;
    /// <c>cpu</c> or <c>cuda (unverified)</c> when the probe could not run (inputs that cannot be bound at batch 1).
    /// </summary>
    public string ExecutionProvider { get; private set; } = "unverified";

    /// <summary>ORT's reason why CUDA could not be used, on one line; null when no fallback happened.</summary>
    public string? ProviderFallbackReason { get; }

    /// <summary>Model inputs in graph order.</summary>
    public IReadOnlyList<OnnxTensorInfo> Inputs { get; }

    /// <summary>Model outputs in graph order.</summary>
    public IReadOnlyList<OnnxTensorInfo> Outputs { get; }

    /// <summary>
    /// Creates a session from a model file on the shared <see cref="OnnxEnvironment"/>, then runs it once on zeros with
    /// profiling on to find which providers run its nodes.
    /// </summary>
    /// <param name="modelPath">Path of the <c>.onnx</c> file.</param>
    /// <param name="options">Provider, threads and optimisation level; null for <see cref="OnnxSessionOptions.Default"/>.</param>
    /// <param name="logger">Receives the one-line CUDA fallback warning and ORT's own warnings; null discards them.</param>
    /// <exception cref="FileNotFoundException">The model file does not exist.</exception>
    /// <exception cref="OnnxRuntimeException">ORT cannot load the model; message <c>model &lt;file&gt;: [ORT code] ORT's message</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Options out of range (<see cref="OnnxSessionOptions.Validate"/>).</exception>
    public static OnnxSession Load(string modelPath, OnnxSessionOptions? options = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        options ??= OnnxSessionOptions.Default;
        options.Validate();
        logger ??= NullLogger.Instance;
        string fullPath = Path.GetFullPath(modelPath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"model {Path.GetFileName(fullPath)}: file not found at '{fullPath}'", fullPath);
        }

        string fileName = Path.GetFileName(fullPath);
        InferenceSession? created = null;
        string? fallbackReason = null;
        if (options.ExecutionProvider == OnnxExecutionProvider.Cuda)
        {
            (created, fallbackReason) = TryCreateOnCuda(fullPath, options, logger);
        }

        if (created is null)
        {
            OrtException? error = null;
            var lines = OnnxEnvironment.Collect(() =>
            {
                using SessionOptions cpu = CreateSessionOptions(options, out string prefix);
                try
                {
                    created = new InferenceSession(fullPath, cpu);
                }
                catch (OrtException e)
                {
                    error = e;
                    DeleteProfiles(prefix);
                }
            });
            Forward(logger, fileName, lines);
            if (error is not null)
            {
                throw OnnxRuntimeException.FromOrt(fullPath, error);
            }

            if (fallbackReason is not null)
            {
                logger.LogWarning(
                    "model {Model}: CUDA execution provider (device {Device}) cannot be used, running on CPU: {Reason}",
                    fileName,
                    options.CudaDeviceId,
                    fallbackReason);
            }
        }

        var session = new OnnxSession(fullPath, created!, options, fallbackReason);
        try
        {
            session.ProbeProviders(logger);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The input named <paramref name="name"/>, or null.</summary>
    public OnnxTensorInfo? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);

    /// <summary>The output named <paramref name="name"/>, or null.</summary>
    public OnnxTensorInfo? FindOutput(string name) => Outputs.FirstOrDefault(o => o.Name == name);

    /// <summary>Releases the session (deferred while runners from <see cref="Bind(long)"/> are alive).</summary>
    public void Dispose()
    {
        lock (_lifetime)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        Release();
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{ModelFileName} on {ExecutionProvider}: in {string.Join("; ", Inputs)} -> out {string.Join("; ", Outputs)}";

    /// <summary>Keeps the native session alive for a runner.</summary>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    internal void AddReference()
    {
        lock (_lifetime)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _references++;
        }
    }

    /// <summary>Drops a reference; the last one disposes ORT's session.</summary>
    internal void Release()
    {
        bool last;
        lock (_lifetime)
        {
            last = --_references == 0;
        }

        if (last)
        {
            InferenceSession.Dispose();
        }
    }

    private static OnnxTensorInfo[] ReadTensorInfos(IReadOnlyList<string> names, IReadOnlyDictionary<string, NodeMetadata> metadata)
    {
        var infos = new OnnxTensorInfo[names.Count];
        for (int i = 0; i < infos.Length; i++)
        {
            NodeMetadata m = metadata[names[i]];
            if (!m.IsTensor)
            {
                infos[i] = new OnnxTensorInfo(names[i], TensorElementType.Undefined, []);
                continue;
            }

            // ORT's element types carry ONNX's TensorProto.DataType values, as TensorElementType does.
            var shape = new TensorDim[m.Dimensions.Length];
            for (int d = 0; d < shape.Length; d++)
            {
                shape[d] = m.Dimensions[d] >= 0 ? TensorDim.Fixed(m.Dimensions[d]) : TensorDim.Symbolic(m.SymbolicDimensions[d] ?? string.Empty);
            }

            infos[i] = new OnnxTensorInfo(names[i], (TensorElementType)(int)m.ElementDataType, shape);
        }

        return infos;
    }
}
