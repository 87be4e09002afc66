namespace Stow.Motion.Primitives;

/// <summary>State of a long-running action (BehaviorTree.CPP <c>NodeStatus</c> subset).</summary>
public enum ActionStatus
{
    /// <summary>Not started.</summary>
    Idle,

    /// <summary>Started, not finished.</summary>
    Running,

    /// <summary>Finished successfully.</summary>
    Succeeded,

    /// <summary>Finished with a failure; see <see cref="FailureReason"/>.</summary>
    Failed,
}
