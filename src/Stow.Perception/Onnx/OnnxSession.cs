namespace Stow.Perception.Onnx;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// An ONNX Runtime inference session over one <c>.onnx</c> file, with the model's input and output names,
/// element types and shapes read from the model. Runs go through an <see cref="OnnxModelRunner"/> from
/// <see cref="Bind(long)"/>, which owns preallocated, pinned buffers.
/// </summary>
/// <remarks>
/// <para>Errors surface at load: a missing file, a corrupt model (ORT's own message, prefixed with the file
/// name) or a failed ORT call throw from <see cref="Load"/>.</para>
/// <para>Execution provider: with <see cref="OnnxExecutionProvider.Cuda"/> the session asks ORT for the CUDA
/// provider (CreateCUDAProviderOptions, UpdateCUDAProviderOptions with <c>device_id</c>,
/// SessionOptionsAppendExecutionProvider_CUDA_V2). When ORT refuses (CPU-only build, no CUDA libraries, bad
/// device), exactly one warning is logged with ORT's reason and the session runs on CPU;
/// <see cref="ActiveProvider"/> says which provider is in use.</para>
/// <para>Threading: the session's metadata is immutable and <see cref="Bind(long)"/> may be called from any
/// thread. Each runner may be run from one thread at a time; different runners of one session may run
/// concurrently (ORT sessions are thread-safe for Run). Disposing the session while runners are alive defers
/// the native release until the last runner is disposed.</para>
/// </remarks>
public sealed partial class OnnxSession : IDisposable
{
    private readonly OrtHandle _handle;
    private volatile bool _disposed;

    private OnnxSession(
        string modelPath,
        OrtHandle handle,
        OnnxSessionOptions options,
        OnnxExecutionProvider activeProvider,
        string? fallbackReason)
    {
        ModelPath = modelPath;
        _handle = handle;
        Options = options;
        ActiveProvider = activeProvider;
        ProviderFallbackReason = fallbackReason;
        Inputs = ReadTensorInfos(handle, outputs: false);
        Outputs = ReadTensorInfos(handle, outputs: true);
    }

    /// <summary>Full path of the model file.</summary>
    public string ModelPath { get; }

    /// <summary>File name of the model, as used in messages.</summary>
    public string ModelFileName => Path.GetFileName(ModelPath);

    /// <summary>The options the session was created with.</summary>
    public OnnxSessionOptions Options { get; }

    /// <summary>The provider actually in use: CPU when CUDA was asked for but could not be used.</summary>
    public OnnxExecutionProvider ActiveProvider { get; }

    /// <summary>ORT's reason why CUDA could not be used; null when no fallback happened.</summary>
    public string? ProviderFallbackReason { get; }

    /// <summary>Model inputs in graph order.</summary>
    public IReadOnlyList<OnnxTensorInfo> Inputs { get; }

    /// <summary>Model outputs in graph order.</summary>
    public IReadOnlyList<OnnxTensorInfo> Outputs { get; }

    internal OrtHandle Handle => _handle;

    /// <summary>Creates a session from a model file on the shared <see cref="OrtEnvironment"/>.</summary>
    /// <param name="modelPath">Path of the <c>.onnx</c> file.</param>
    /// <param name="options">Provider, threads and optimisation level; null for <see cref="OnnxSessionOptions.Default"/>.</param>
    /// <param name="logger">Receives the one-line CUDA fallback warning; null discards it.</param>
    /// <exception cref="FileNotFoundException">The model file does not exist.</exception>
    /// <exception cref="OnnxRuntimeException">ORT cannot load the model; message <c>model &lt;file&gt;: [ORT code] ORT's message</c>.</exception>
    /// <exception cref="DllNotFoundException">The ORT native library is absent (run ./test.sh or scripts/setup.sh).</exception>
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

        OrtEnvironment env = OrtEnvironment.Instance;
        using OrtHandle sessionOptions = OrtNative.CreateSessionOptions();
        OrtNative.SetGraphOptimizationLevel(sessionOptions, (int)options.GraphOptimizationLevel);
        OrtNative.SetIntraOpNumThreads(sessionOptions, options.IntraOpThreadCount);

        var active = OnnxExecutionProvider.Cpu;
        string? fallbackReason = null;
        if (options.ExecutionProvider == OnnxExecutionProvider.Cuda)
        {
            OnnxRuntimeException? cudaError = OrtNative.TryAppendCuda(sessionOptions, options.CudaDeviceId);
            if (cudaError is null)
            {
                active = OnnxExecutionProvider.Cuda;
            }
            else
            {
                // One line: ORT's message may end with, or contain, line breaks.
                fallbackReason = string.Join(
                    ' ', cudaError.OrtMessage.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                logger.LogWarning(
                    "model {Model}: CUDA execution provider (device {Device}) cannot be used, running on CPU: {Reason}",
                    Path.GetFileName(fullPath),
                    options.CudaDeviceId,
                    fallbackReason);
            }
        }

        OrtHandle handle;
        try
        {
            handle = OrtNative.CreateSession(env.Handle, fullPath, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxRuntimeException(fullPath, e);
        }

        try
        {
            return new OnnxSession(fullPath, handle, options, active, fallbackReason);
        }
        catch
        {
            handle.Dispose();
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
        _disposed = true;
        _handle.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{ModelFileName} on {ActiveProvider}: in {string.Join("; ", Inputs)} -> out {string.Join("; ", Outputs)}";

    private static OnnxTensorInfo[] ReadTensorInfos(OrtHandle handle, bool outputs)
    {
        var infos = new OnnxTensorInfo[OrtNative.GetIoCount(handle, outputs)];
        for (int i = 0; i < infos.Length; i++)
        {
            string name = OrtNative.GetIoName(handle, i, outputs);
            (TensorElementType type, TensorDim[] shape) = OrtNative.GetIoTensorType(handle, i, outputs);
            infos[i] = new OnnxTensorInfo(name, type, shape);
        }

        return infos;
    }
}
