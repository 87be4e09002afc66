namespace Stow.Motion.Loop;

/// <summary>Cycle timing summary. All times in seconds. Immutable.</summary>
/// <param name="Cycles">Cycles recorded.</param>
/// <param name="Overruns">Cycles whose body (read+update+write) took longer than the nominal period.</param>
/// <param name="NominalPeriod">Configured period [s].</param>
/// <param name="MeanPeriod">Mean measured period [s].</param>
/// <param name="MinPeriod">Shortest period [s].</param>
/// <param name="MaxPeriod">Longest period [s].</param>
/// <param name="JitterP50">Median of |period − nominal| [s] (1 µs histogram resolution).</param>
/// <param name="JitterP99">99th percentile of |period − nominal| [s].</param>
/// <param name="JitterP999">99.9th percentile of |period − nominal| [s].</param>
/// <param name="MeanBody">Mean body duration [s] (wall clock).</param>
/// <param name="MaxBody">Longest body duration [s] (wall clock).</param>
/// <param name="LateWakes">Cycles whose pacer reported <see cref="LoopWake.Late"/> (deadlines or signals missed before it).</param>
/// <param name="TimedOutWakes">Cycles whose pacer reported <see cref="LoopWake.TimedOut"/> (no external signal in time).</param>
/// <param name="CyclesWithGc">Cycles during whose body a garbage collection ran.</param>
public sealed record CycleStatisticsSnapshot(
    long Cycles,
    long Overruns,
    double NominalPeriod,
    double MeanPeriod,
    double MinPeriod,
    double MaxPeriod,
    double JitterP50,
    double JitterP99,
    double JitterP999,
    double MeanBody,
    double MaxBody,
    long LateWakes,
    long TimedOutWakes,
    long CyclesWithGc);
