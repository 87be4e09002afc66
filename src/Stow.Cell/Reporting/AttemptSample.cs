namespace Stow.Cell.Reporting;

/// <summary>One stow attempt as the report plots it. Immutable.</summary>
/// <param name="SimTime">Simulated time at the end of the attempt [s].</param>
/// <param name="Outcome"><c>stowed</c>, <c>unproductive</c> or <c>defect</c>.</param>
/// <param name="PackagingClass">Item packaging class name.</param>
/// <param name="Chain">Primitive chain, e.g. <c>SweepLeft+Slot</c>.</param>
/// <param name="PredictedP">Predicted probability of success.</param>
/// <param name="PerceptionError">Free-volume error of the target bin's estimate as a fraction of bin volume, when perception ran.</param>
/// <param name="BinFloorHeight">Height of the target bin's floor above the pod base [m] (overhead rows: see <see cref="ShiftSummary.OverheadShare"/>); NaN when unknown.</param>
/// <param name="SpaceMadeLitres">Room the chain was expected to make in the perceived bin [L]: the chain's free box less a plain
/// insertion's, floored at 0 (<see cref="Stow.Planning.Candidates.ChainSpace"/>); 0 for a plain insertion.</param>
public sealed record AttemptSample(double SimTime, string Outcome, string PackagingClass, string Chain, double PredictedP, double? PerceptionError, double BinFloorHeight = double.NaN,
    double SpaceMadeLitres = 0);
