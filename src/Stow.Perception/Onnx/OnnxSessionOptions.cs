namespace Stow.Perception.Onnx;

using Microsoft.ML.OnnxRuntime;

/// <summary>
/// Settings of an <see cref="OnnxSession"/>, as configured: execution provider (with CUDA device id), intra-op
/// threads and graph optimisation level. <see cref="OnnxSession.Load"/> turns them into ORT's
/// <see cref="SessionOptions"/>. A plain settings object; copy it freely.
/// </summary>
public sealed record OnnxSessionOptions
{
    /// <summary>The provider asked for. <see cref="OnnxExecutionProvider.Cuda"/> falls back to CPU, with one log line, when CUDA cannot be used.</summary>
    public OnnxExecutionProvider ExecutionProvider { get; init; } = OnnxExecutionProvider.Cpu;

    /// <summary>CUDA device ordinal (0-based) when <see cref="ExecutionProvider"/> is CUDA.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>Threads used inside one operator (<see cref="SessionOptions.IntraOpNumThreads"/>); 0 lets ONNX Runtime choose (one per physical core).</summary>
    public int IntraOpThreadCount { get; init; }

    /// <summary>Graph optimisation level (<see cref="SessionOptions.GraphOptimizationLevel"/>); default <see cref="GraphOptimizationLevel.ORT_ENABLE_ALL"/>.</summary>
    public GraphOptimizationLevel GraphOptimizationLevel { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

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

    /// <summary>
    /// Parses a configured graph optimisation level: "none", "basic", "extended", "layout" or "all"
    /// (case-insensitive; onnxruntime.ai "Graph optimizations").
    /// </summary>
    /// <exception cref="ArgumentException">Any other name.</exception>
    public static GraphOptimizationLevel ParseOptimizationLevel(string level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return level.Trim().ToUpperInvariant() switch
        {
            "NONE" => GraphOptimizationLevel.ORT_DISABLE_ALL,
            "BASIC" => GraphOptimizationLevel.ORT_ENABLE_BASIC,
            "EXTENDED" => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
            "LAYOUT" => GraphOptimizationLevel.ORT_ENABLE_LAYOUT,
            "ALL" => GraphOptimizationLevel.ORT_ENABLE_ALL,
            _ => throw new ArgumentException(
                $"graph optimisation level '{level}' is unknown; use \"none\", \"basic\", \"extended\", \"layout\" or \"all\"", nameof(level)),
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
