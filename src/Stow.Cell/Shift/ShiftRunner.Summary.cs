using Stow.Core.Outcomes;
using Stow.Cell.PackML;
using Stow.Cell.Reporting;
using Stow.Core.Space;
using Stow.Planning.Calibration;
using Stow.Planning.Candidates;

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
        var wall = _wall.Elapsed.TotalSeconds;
        var s = new ShiftSummary
        {
            Inducted = items,
            Attempted = attempted,
            Stowed = stowed,
            Unproductive = Count("unproductive"),
            Defect = Count("defect"),
            Exceptions = _exceptions,
            BufferedAtEnd = _buffer.Count,
            SuccessRate = Rate(stowed, attempted),
            SuccessRateCi95 = WilsonInterval.Compute(stowed, attempted),
            StowedOfInducted = Rate(stowed, items),
            ItemsPerPod = Rate(stowed, _pods),
            UnproductiveRate = Rate(Count("unproductive"), attempted),
            DefectRate = Rate(Count("defect"), attempted),
            SimSeconds = _clock.Now,
            WallSeconds = wall,
            Uph = UnitsPerHour(stowed, wall),
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
            LoopCycles = _motion.LoopStatistics?.Cycles ?? 0,
            LoopRateHz = _motion.Pacing == LoopPacing.WallClock ? _motion.LoopRateHz : null,
            MeanPredictedP = attempted == 0 ? 0 : _samples.Average(a => a.PredictedP),
            Brier = attempted == 0 ? 0 : _samples.Average(a => Math.Pow(a.PredictedP - (a.Outcome == "stowed" ? 1 : 0), 2)),
            Unaccounted = _journal.CountUnaccounted(),
            OutcomeAgreement = _scores.Count == 0 ? null : _scores.Count(x => x.Truth == x.Cell) / (double)_scores.Count,
            OutcomeConfusion = _scores.Count == 0 ? null : Confusion(),
            OutcomeMisreads = _scores.Count == 0 ? null : new SortedDictionary<string, int>(_misreads, StringComparer.Ordinal),
            Ece = attempted == 0 ? null : CalibrationMetrics.Compute(
                _samples.Select(a => a.PredictedP).ToArray(), _samples.Select(a => a.Outcome == "stowed").ToArray()).Ece,
            OverheadShare = stowed == 0 ? null
                : _samples.Count(a => a.Outcome == "stowed" && a.BinFloorHeight >= ShiftSummary.OverheadFloorHeight) / (double)stowed,
            ChainSpaceMadeLitres = new SortedDictionary<string, double>(
                _samples.GroupBy(a => a.Chain).ToDictionary(g => g.Key, g => g.Sum(a => a.SpaceMadeLitres)), StringComparer.Ordinal),
            ChainUse = new SortedDictionary<string, int>(_samples.GroupBy(a => a.Chain).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal),
            ChainSuccess = new SortedDictionary<string, double>(
                _samples.GroupBy(a => a.Chain).ToDictionary(g => g.Key, g => g.Count(a => a.Outcome == "stowed") / (double)g.Count()), StringComparer.Ordinal),
        };
        // Targets are judged by the host, which knows whether this was the default configuration (TargetCheck.Judge).
        return new ShiftResult(s, _samples.ToList(), densities, _motion.Pacing == LoopPacing.WallClock ? _motion.JitterSamplesMs() : []);
    }

    /// <summary>
    /// Stowed units per hour: on the wall clock when the loop is paced by the wall clock (a live arm: motion runs in real
    /// time, and everything else the shift did took the wall time it took), else on the shift's simulated clock.
    /// </summary>
    private double UnitsPerHour(int stowed, double wallSeconds)
    {
        var seconds = _motion.Pacing == LoopPacing.WallClock ? wallSeconds : _clock.Now;
        return seconds > 0 ? stowed * 3600.0 / seconds : 0;
    }

    /// <summary>Counts by the world's truth (outer key) and the cell's reading (inner key), every class listed.</summary>
    private Dictionary<string, Dictionary<string, int>> Confusion()
    {
        StowOutcome[] kinds = [StowOutcome.Stowed, StowOutcome.Unproductive, StowOutcome.Defect];
        return kinds.ToDictionary(Name, t => kinds.ToDictionary(Name, c => _scores.Count(x => x.Truth == t && x.Cell == c)));
    }

    /// <summary>
    /// Litres the action's chain was expected to make in the perceived bin: the chain's free box less a plain insertion's,
    /// floored at 0 (as plan eval's <c>chain_space_made_l</c>).
    /// </summary>
    private static double SpaceMadeLitres(BinSpaceEstimate bin, StowAction action)
    {
        if (action.Chain.Count == 0 || action.Chain[0] == Primitive.None)
        {
            return 0;
        }

        var chain = new PrimitiveChain(action.Chain[0], action.Chain.Count > 1 ? action.Chain[1] : Primitive.None);
        var made = Volume(ChainSpace.Of(bin, chain)) - Volume(ChainSpace.Find(bin, Primitive.None));
        return Math.Max(0, made) * 1000;
    }

    private static double Volume(in PrimitiveSpace box) => box.Width * box.Height * box.Depth;

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
