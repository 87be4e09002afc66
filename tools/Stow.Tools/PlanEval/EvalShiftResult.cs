using Stow.Cell.Shift;
using Stow.Planning.Calibration;
using Stow.Planning.Risk;

namespace Stow.Tools.PlanEval;

/// <summary>What one policy did in one simulated evaluation shift. Immutable.</summary>
/// <param name="Summary">Rates, density at swap, calibration (deciles) and chain usage.</param>
/// <param name="Records">Every attempt as an attempt record (features, predicted P, outcome).</param>
/// <param name="Shift">The shift runner's own figures.</param>
/// <param name="Items">Items drawn for the shift.</param>
/// <param name="ItemsAttempted">Distinct items attempted at least once.</param>
/// <param name="PodLimitReached">True when the shift ended at the pod limit (else the items ran out).</param>
/// <param name="ArrivalFills">Volumetric fill of each pod as it arrived, in arrival order (the prefill stream alone decides it).</param>
/// <param name="TrueOutcomes">The simulated world's truth of every applied stow, in attempt order (the cell's own reading is in the records).</param>
/// <param name="Outcomes">Attempts by the cell's reading of the outcome and its reason (<c>stowed</c>, <c>defect:protruding</c>, <c>unproductive:nofit</c>, ...).</param>
public sealed record EvalShiftResult(
    PolicyEvaluationSummary Summary,
    IReadOnlyList<AttemptRecord> Records,
    ShiftResult Shift,
    int Items,
    int ItemsAttempted,
    bool PodLimitReached,
    IReadOnlyDictionary<string, int> Outcomes,
    IReadOnlyList<double> ArrivalFills,
    IReadOnlyList<Stow.Core.Outcomes.StowOutcome> TrueOutcomes);
