using Stow.Planning.Calibration;

namespace Stow.Tools.PlanEval;

/// <summary>
/// A target policy's success per attempt estimated off-policy from the logging policy's logged decisions (before it is
/// deployed), to be set beside the value then measured on-policy. Immutable.
/// </summary>
/// <param name="Policy">The target policy (e.g. <c>planner-monotone</c>).</param>
/// <param name="LoggingPolicy">The policy whose logs were used (e.g. <c>planner-prior</c>, 2 % exploration).</param>
/// <param name="Ips">Inverse propensity estimate with its standard error.</param>
/// <param name="SelfNormalized">Self-normalised IPS estimate (null when the target took none of the logged actions).</param>
/// <param name="DoublyRobust">Doubly robust estimate (reward model: the target's own success model).</param>
/// <param name="Agreement">Share of the logged decisions on which the target would have taken the logged action.</param>
public sealed record OffPolicyRow(string Policy, string LoggingPolicy, OffPolicyEstimate Ips, OffPolicyEstimate? SelfNormalized, OffPolicyEstimate DoublyRobust, double Agreement);
