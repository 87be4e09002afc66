namespace Stow.Planning.Calibration;

/// <summary>
/// One logged decision for off-policy evaluation (<see cref="OffPolicyEstimator"/>): the reward the logging policy's
/// action earned, the probability with which it took that action, the probability the target policy would take the
/// same action, and a reward model's predictions (for the doubly robust estimate). Immutable.
/// </summary>
/// <param name="Reward">Observed reward of the logged action (1 stowed, 0 not, or any real reward).</param>
/// <param name="Propensity">Logging policy's probability of the logged action, in (0, 1].</param>
/// <param name="TargetProbability">Target policy's probability of the logged action, in [0, 1].</param>
/// <param name="PredictedReward">Reward model's prediction for the logged action (0 when unused).</param>
/// <param name="PredictedTargetReward">Reward model's expected reward under the target policy in this context, Σₐ π(a|x) r̂(x, a) (0 when unused).</param>
public sealed record LoggedDecision(
    double Reward,
    double Propensity,
    double TargetProbability,
    double PredictedReward = 0,
    double PredictedTargetReward = 0);
