namespace Stow.Motion.Loop;

/// <summary>Wake-up latency summary of a pacer (<see cref="WakeLatencyStatistics"/>). All times in seconds. Immutable.</summary>
/// <param name="Count">Wake-ups recorded.</param>
/// <param name="Min">Smallest latency [s].</param>
/// <param name="Mean">Mean latency [s].</param>
/// <param name="P50">Median latency [s] (whole microseconds, truncated as cyclictest's histogram).</param>
/// <param name="P99">99th percentile [s].</param>
/// <param name="P999">99.9th percentile [s].</param>
/// <param name="Max">Largest latency [s] (exact).</param>
public sealed record WakeLatencySnapshot(long Count, double Min, double Mean, double P50, double P99, double P999, double Max);
