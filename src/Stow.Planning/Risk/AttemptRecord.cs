using Stow.Core.Outcomes;

namespace Stow.Planning.Risk;

/// <summary>
/// One stow attempt as the learned model and the calibration report see it: the features the planner scored and
/// what happened. Produced by the cell (or the simulated world) after each attempt; immutable.
/// </summary>
/// <param name="Features">Features of the candidate that was attempted.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="PredictedProbability">
/// P(success) the planner predicted when it chose the candidate, in [0, 1], or NaN when unknown (e.g. records
/// produced by a baseline policy without a model).
/// </param>
/// <param name="Exploration">True when the candidate was chosen by exploration rather than greedily.</param>
/// <param name="Propensity">
/// Probability, in (0, 1], with which the logging policy chose this candidate given what it saw (its exploration
/// rule), or NaN when unknown. Off-policy estimates (<see cref="Calibration.OffPolicyEstimator"/>) weigh by its inverse.
/// </param>
public sealed record AttemptRecord(
    CandidateFeatures Features,
    StowOutcome Outcome,
    double PredictedProbability = double.NaN,
    bool Exploration = false,
    double Propensity = double.NaN)
{
    /// <summary>True when <see cref="Outcome"/> is <see cref="StowOutcome.Stowed"/>.</summary>
    public bool Succeeded => Outcome == StowOutcome.Stowed;
}
