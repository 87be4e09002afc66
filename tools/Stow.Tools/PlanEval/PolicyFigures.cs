using Stow.Core.Outcomes;
using Stow.Planning.Risk;

namespace Stow.Tools.PlanEval;

/// <summary>
/// The figures issue #16 asks of one policy on one seed (outcome rates by the simulated world's truth, with the cell's
/// own reading beside them), from an <see cref="EvalShiftResult"/>. Rates in [0, 1]
/// (NaN where undefined). Immutable.
/// </summary>
/// <param name="Policy">Policy name.</param>
/// <param name="StowedOfInducted">
/// Stowed / (stowed + routed to exceptions + still in the buffer at the end): of the items that entered the buffer, the
/// share stowed. Items still buffered when the shift ends at its pod limit count as not stowed: they are the ones no pod
/// had room for (before 2026-11-30 they were left out, which read 84.5 % where the cell's own run read 53.6 %).
/// </param>
/// <param name="SuccessRate">Stowed / attempts, by the simulated world's truth (what the decision achieved).</param>
/// <param name="DefectRate">Defects / attempts, by the world's truth.</param>
/// <param name="UnproductiveRate">Unproductive / attempts, by the world's truth.</param>
/// <param name="DensityAtSwap">Mean volumetric density of the pods when they left.</param>
/// <param name="ArrivalDensity">Mean volumetric density of the pods when they arrived.</param>
/// <param name="ItemsPerPod">Stows per pod visit.</param>
/// <param name="OverheadShare">Share of stows (world's truth) into bins whose floor is at or above the overhead height (1.5 m).</param>
/// <param name="Uph">Units stowed per simulated hour (pod swaps and failed attempts included).</param>
/// <param name="Brier">Brier score of the policy's predicted P on its attempts.</param>
/// <param name="Ece">Expected calibration error (10 equal-count bins).</param>
/// <param name="ChainUse">Attempts per chain.</param>
/// <param name="ChainSuccess">Stowed attempts per chain (world's truth).</param>
/// <param name="SuccessRateCell">Stowed / attempts by the cell's own reading (<c>OutcomeClassifier</c> on the re-perceived bin), which the shift acts on.</param>
/// <param name="DefectRateCell">Defects / attempts by the cell's reading (e.g. a stowed item the re-perceived bin does not show reads <c>missing</c>).</param>
/// <param name="OutcomeAgreement">Share of attempts where the cell's reading equals the world's truth.</param>
/// <param name="ChainSpaceMade">Litres of space the chain made in the perceived bin, summed over its attempts (<see cref="ShadowedPolicy.SpaceMade"/>); empty when not measured.</param>
public sealed record PolicyFigures(
    string Policy,
    double StowedOfInducted,
    double SuccessRate,
    double DefectRate,
    double UnproductiveRate,
    double DensityAtSwap,
    double ArrivalDensity,
    double ItemsPerPod,
    double OverheadShare,
    double Uph,
    double Brier,
    double Ece,
    IReadOnlyDictionary<string, int> ChainUse,
    IReadOnlyDictionary<string, int> ChainSuccess,
    double SuccessRateCell,
    double DefectRateCell,
    double OutcomeAgreement,
    IReadOnlyDictionary<string, double> ChainSpaceMade)
{
    /// <summary>Height of a bin floor above the pod base [m] from which a row counts as overhead (<see cref="Stow.Planning.Decision.PlannerOptions.OverheadRowMinHeight"/>).</summary>
    public const double OverheadHeight = 1.5;

    /// <summary>The figures of <paramref name="r"/>; <paramref name="spaceMade"/>: litres made per chain, or null when not measured.</summary>
    public static PolicyFigures Of(EvalShiftResult r, IReadOnlyDictionary<string, double>? spaceMade = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        var s = r.Shift.Summary;
        var entered = s.Stowed + s.Exceptions + s.BufferedAtEnd;
        var truth = r.TrueOutcomes;
        var aligned = truth.Count == r.Records.Count;
        // Stowed attempts by the world's truth when every attempt has one (chain success, overhead share), else by the cell's reading.
        var stowed = aligned
            ? r.Records.Where((x, i) => truth[i] == StowOutcome.Stowed).ToList()
            : r.Records.Where(x => x.Outcome == StowOutcome.Stowed).ToList();
        double TrueRate(StowOutcome o) => truth.Count == 0 ? double.NaN : truth.Count(t => t == o) / (double)truth.Count;
        return new PolicyFigures(
            r.Summary.Policy,
            entered == 0 ? double.NaN : (double)s.Stowed / entered,
            TrueRate(StowOutcome.Stowed),
            TrueRate(StowOutcome.Defect),
            TrueRate(StowOutcome.Unproductive),
            r.Summary.DensityAtSwap ?? double.NaN,
            r.ArrivalFills.Count == 0 ? double.NaN : r.ArrivalFills.Average(),
            s.Pods == 0 ? double.NaN : (double)s.Stowed / s.Pods,
            stowed.Count == 0 ? double.NaN : (double)stowed.Count(x => x.Features.RowHeight >= OverheadHeight) / stowed.Count,
            s.Uph,
            r.Summary.Brier ?? double.NaN,
            r.Summary.Ece ?? double.NaN,
            r.Records.GroupBy(x => x.Features.Chain.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            stowed.GroupBy(x => x.Features.Chain.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            r.Summary.SuccessRate ?? double.NaN,
            r.Summary.DefectRate ?? double.NaN,
            aligned && truth.Count > 0 ? truth.Zip(r.Records, (t, x) => t == x.Outcome ? 1.0 : 0.0).Average() : double.NaN,
            spaceMade ?? new Dictionary<string, double>());
    }
}
