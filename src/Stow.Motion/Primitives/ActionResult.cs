namespace Stow.Motion.Primitives;

/// <summary>Status of an action with the failure reason when it failed.</summary>
/// <param name="Status">Running, Succeeded, Failed (or Idle before start).</param>
/// <param name="Reason">Why it failed; <see cref="FailureReason.None"/> otherwise.</param>
public readonly record struct ActionResult(ActionStatus Status, FailureReason Reason)
{
    /// <summary>Not started.</summary>
    public static ActionResult Idle => default;

    /// <summary>Running.</summary>
    public static ActionResult Running => new(ActionStatus.Running, FailureReason.None);

    /// <summary>Succeeded.</summary>
    public static ActionResult Succeeded => new(ActionStatus.Succeeded, FailureReason.None);

    /// <summary>True when finished (succeeded or failed).</summary>
    public bool IsDone => Status is ActionStatus.Succeeded or ActionStatus.Failed;

    /// <summary>A failure.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static ActionResult Failed(FailureReason reason) => new(ActionStatus.Failed, reason);
}
