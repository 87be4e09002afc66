using Stow.Core.Outcomes;
using Stow.Cell.PackML;
using Stow.Cell.Reporting;

namespace Stow.Cell.Shift;

/// <summary>Summary figures of the shift (partial of <see cref="ShiftRunner"/>).</summary>
public sealed partial class ShiftRunner
{
    private ShiftResult Finish(int items, bool aborted)
    {
        if (aborted)
        {
            _states.Command(PackMlCommand.Stop);
        }

        var densities = _densities.Count > 0 ? _densities.ToList() : [ReportedDensity()];
        var attempted = _samples.Count;
        int Count(string o) => _samples.Count(s => s.Outcome == o);
        var stowed = Count("stowed");
        var s = new ShiftSummary
        {
            Inducted = items,
            Attempted = attempted,
            Stowed = stowed,
            Unproductive = Count("unproductive"),
            Defect = Count("defect"),
            Exceptions = _exceptions,
            SuccessRate = Rate(stowed, attempted),
            SuccessRateCi95 = WilsonInterval.Compute(stowed, attempted),
            StowedOfInducted = Rate(stowed, items),
            ItemsPerPod = Rate(stowed, _pods),
            UnproductiveRate = Rate(Count("unproductive"), attempted),
            DefectRate = Rate(Count("defect"), attempted),
            SimSeconds = _clock.Now,
            Uph = _clock.Now > 0 ? stowed * 3600.0 / _clock.Now : 0,
            Pods = _pods,
            DensityAtSwap = densities.Average(),
            DecisionMsP50 = Percentile(_decisionMs, 0.50),
            DecisionMsP99 = Percentile(_decisionMs, 0.99),
            PerceptionMsP50 = Percentile(_perceptionMs, 0.50),
            PerceptionMsP99 = Percentile(_perceptionMs, 0.99),
            LoopPacing = _motion.Pacing switch
            {
                LoopPacing.WallClock => "wall-clock",
                LoopPacing.VirtualClock => "virtual-clock",
                _ => "none",
            },
            LoopJitterMsP99 = _motion.Pacing == LoopPacing.WallClock ? _motion.JitterP99Ms : null,
            MeanPredictedP = attempted == 0 ? 0 : _samples.Average(a => a.PredictedP),
            Brier = attempted == 0 ? 0 : _samples.Average(a => Math.Pow(a.PredictedP - (a.Outcome == "stowed" ? 1 : 0), 2)),
            Unaccounted = _journal.CountUnaccounted(),
            OutcomeAgreement = _scores.Count == 0 ? null : _scores.Count(x => x.Truth == x.Cell) / (double)_scores.Count,
            OutcomeConfusion = _scores.Count == 0 ? null : Confusion(),
        };
        // Targets are judged by the host, which knows whether this was the default configuration (TargetCheck.Judge).
        return new ShiftResult(s, _samples.ToList(), densities, _motion.Pacing == LoopPacing.WallClock ? _motion.JitterSamplesMs() : []);
    }

    /// <summary>Counts by the world's truth (outer key) and the cell's reading (inner key), every class listed.</summary>
    private Dictionary<string, Dictionary<string, int>> Confusion()
    {
        StowOutcome[] kinds = [StowOutcome.Stowed, StowOutcome.Unproductive, StowOutcome.Defect];
        return kinds.ToDictionary(Name, t => kinds.ToDictionary(Name, c => _scores.Count(x => x.Truth == t && x.Cell == c)));
    }

    private static double Rate(int n, int d) => d == 0 ? 0 : n / (double)d;

    /// <summary>Nearest-rank percentile of <paramref name="values"/> (0 when empty).</summary>
    internal static double Percentile(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var k = (int)Math.Ceiling(q * sorted.Length) - 1;
        return sorted[Math.Clamp(k, 0, sorted.Length - 1)];
    }
}
