using Stow.Core.Outcomes;
using Stow.Planning.Risk;

namespace Stow.Tools.PlanEval;

/// <summary>
/// The figures issue #16 asks of one policy on one seed, from an <see cref="EvalShiftResult"/>. Rates in [0, 1]
/// (NaN where undefined). Immutable.
/// </summary>
/// <param name="Policy">Policy name.</param>
/// <param name="StowedOfInducted">Stowed / (stowed + routed to exceptions): of the items whose fate the shift settled, the share stowed.</param>
/// <param name="SuccessRate">Stowed / attempts.</param>
/// <param name="DefectRate">Defects / attempts.</param>
/// <param name="UnproductiveRate">Unproductive / attempts.</param>
/// <param name="DensityAtSwap">Mean volumetric density of the pods when they left.</param>
/// <param name="ArrivalDensity">Mean volumetric density of the pods when they arrived.</param>
/// <param name="ItemsPerPod">Stows per pod visit.</param>
/// <param name="OverheadShare">Share of stows into bins whose floor is at or above the overhead height (1.5 m).</param>
/// <param name="Uph">Units stowed per simulated hour (pod swaps and failed attempts included).</param>
/// <param name="Brier">Brier score of the policy's predicted P on its attempts.</param>
/// <param name="Ece">Expected calibration error (10 equal-count bins).</param>
/// <param name="ChainUse">Attempts per chain.</param>
/// <param name="ChainSuccess">Stowed attempts per chain.</param>
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
    IReadOnlyDictionary<string, double> ChainSpaceMade)
{
    /// <summary>Height of a bin floor above the pod base [m] from which a row counts as overhead (<see cref="Stow.Planning.Decision.PlannerOptions.OverheadRowMinHeight"/>).</summary>
    public const double OverheadHeight = 1.5;

    /// <summary>The figures of <paramref name="r"/>; <paramref name="spaceMade"/>: litres made per chain, or null when not measured.</summary>
    public static PolicyFigures Of(EvalShiftResult r, IReadOnlyDictionary<string, double>? spaceMade = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        var s = r.Shift.Summary;
        var stowed = r.Records.Where(x => x.Outcome == StowOutcome.Stowed).ToList();
        var settled = s.Stowed + s.Exceptions;
        return new PolicyFigures(
            r.Summary.Policy,
            settled == 0 ? double.NaN : (double)s.Stowed / settled,
            r.Summary.SuccessRate ?? double.NaN,
            r.Summary.DefectRate ?? double.NaN,
            r.Summary.UnproductiveRate ?? double.NaN,
            r.Summary.DensityAtSwap ?? double.NaN,
            r.ArrivalFills.Count == 0 ? double.NaN : r.ArrivalFills.Average(),
            s.Pods == 0 ? double.NaN : (double)s.Stowed / s.Pods,
            stowed.Count == 0 ? double.NaN : (double)stowed.Count(x => x.Features.RowHeight >= OverheadHeight) / stowed.Count,
            s.Uph,
            r.Summary.Brier ?? double.NaN,
            r.Summary.Ece ?? double.NaN,
            r.Records.GroupBy(x => x.Features.Chain.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            stowed.GroupBy(x => x.Features.Chain.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            spaceMade ?? new Dictionary<string, double>());
    }
}
