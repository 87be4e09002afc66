using Stow.Cell.Reporting;

namespace Stow.Cell.Shift;

/// <summary>Everything a finished shift produced for the summary and the report. Immutable.</summary>
/// <param name="Summary">The figures.</param>
/// <param name="Attempts">Every attempt in order.</param>
/// <param name="DensityAtSwap">Density of each pod when it was swapped (or of the last pod if none was).</param>
/// <param name="JitterMs">Control-loop jitter samples [ms].</param>
public sealed record ShiftResult(ShiftSummary Summary, IReadOnlyList<AttemptSample> Attempts, IReadOnlyList<double> DensityAtSwap, IReadOnlyList<double> JitterMs);
