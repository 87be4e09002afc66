namespace Stow.Cell.Shift;

/// <summary>How the motion part of a stow went on the hardware. Immutable.</summary>
/// <param name="Succeeded">All primitives ended Succeeded.</param>
/// <param name="Duration">Time the sequence took on the cell clock [s].</param>
/// <param name="FailureReason">When not succeeded: the failing primitive and reason (e.g. <c>insertion: belt jam</c>).</param>
/// <param name="NeedsOperator">True when the failure leaves the cell needing an operator (jam, dropped item): PackML Held.</param>
/// <param name="SafetyStop">True when an e-stop or a safety fault (lost heartbeat) stopped the motion: PackML Aborted.</param>
/// <param name="Feed">What the belts and the wrench sensor felt during the insertion; null when the motion has no such
/// sensing (timed motion) or never reached the insertion.</param>
public sealed record MotionReport(bool Succeeded, double Duration, string? FailureReason, bool NeedsOperator, bool SafetyStop = false, FeedSensing? Feed = null);
