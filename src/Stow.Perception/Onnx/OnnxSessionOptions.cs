namespace Stow.Perception.Onnx;

/// <summary>
/// Settings of an <see cref="OnnxSession"/>: execution provider (with CUDA device id), intra-op threads and
/// graph optimisation level. A plain settings object; copy it freely.
/// </summary>
public sealed record OnnxSessionOptions
{
    /// <summary>The provider asked for. <see cref="OnnxExecutionProvider.Cuda"/> falls back to CPU, with one log line, when CUDA cannot be used.</summary>
    public OnnxExecutionProvider ExecutionProvider { get; init; } = OnnxExecutionProvider.Cpu;

    /// <summary>CUDA device ordinal (0-based) when <see cref="ExecutionProvider"/> is CUDA.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>Threads used inside one operator; 0 lets ONNX Runtime choose (one per physical core).</summary>
    public int IntraOpThreadCount { get; init; }

    /// <summary>Graph optimisation level; default <see cref="OnnxGraphOptimizationLevel.All"/>.</summary>
    public OnnxGraphOptimizationLevel GraphOptimizationLevel { get; init; } = OnnxGraphOptimizationLevel.All;

    /// <summary>CPU with ORT's default threads and all optimisations.</summary>
    public static OnnxSessionOptions Default { get; } = new();

    /// <summary>Parses a configured provider name: "cpu" or "cuda" (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Any other name.</exception>
    public static OnnxExecutionProvider Parse(string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider.Trim().ToUpperInvariant() switch
        {
            "CPU" => OnnxExecutionProvider.Cpu,
            "CUDA" => OnnxExecutionProvider.Cuda,
            _ => throw new ArgumentException($"execution provider '{provider}' is unknown; use \"cpu\" or \"cuda\"", nameof(provider)),
        };
    }

    /// <summary>Checks ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative thread count or device id, or an undefined enum value.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(ExecutionProvider))
        {
            throw new ArgumentOutOfRangeException(nameof(ExecutionProvider), ExecutionProvider, "unknown execution provider");
        }

        if (!Enum.IsDefined(GraphOptimizationLevel))
        {
            throw new ArgumentOutOfRangeException(nameof(GraphOptimizationLevel), GraphOptimizationLevel, "unknown graph optimisation level");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreadCount, nameof(IntraOpThreadCount));
        ArgumentOutOfRangeException.ThrowIfNegative(CudaDeviceId, nameof(CudaDeviceId));
    }
}
