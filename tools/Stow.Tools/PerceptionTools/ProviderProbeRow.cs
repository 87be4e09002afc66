namespace Stow.Tools.PerceptionTools;

/// <summary>One model's row of <see cref="ProviderProbe"/>. Immutable.</summary>
/// <param name="Model">Model file name.</param>
/// <param name="Requested">Provider asked for (<c>cpu</c>, <c>cuda</c>).</param>
/// <param name="ExecutionProvider">Providers that actually ran the nodes (ORT's profile), e.g. <c>cuda+cpu</c>.</param>
/// <param name="NodesByProvider">Node count per ORT provider name in the profiled run.</param>
/// <param name="FallbackReason">ORT's reason when the requested provider could not be used; null otherwise.</param>
/// <param name="Batch">Batch size of each run.</param>
/// <param name="Runs">Timed runs per session.</param>
/// <param name="CpuP50Ms">CPU session latency, median [ms].</param>
/// <param name="CpuP99Ms">CPU session latency, 99th percentile [ms].</param>
/// <param name="P50Ms">Requested-provider session latency, median [ms].</param>
/// <param name="P99Ms">Requested-provider session latency, 99th percentile [ms].</param>
/// <param name="MaxAbsDiff">Largest absolute difference between the two sessions' outputs on the same input.</param>
/// <param name="CpuOutputAbsMax">Largest absolute output value of the CPU session (the scale of <paramref name="MaxAbsDiff"/>).</param>
/// <param name="OutputAbsMax">Largest absolute output value of the requested-provider session.</param>
public sealed record ProviderProbeRow(string Model, string Requested, string ExecutionProvider, IReadOnlyDictionary<string, int> NodesByProvider,
    string? FallbackReason, int Batch, int Runs, double CpuP50Ms, double CpuP99Ms, double P50Ms, double P99Ms, double MaxAbsDiff,
    double CpuOutputAbsMax, double OutputAbsMax);
