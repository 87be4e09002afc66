namespace Stow.Hardware.Lifecycle;

/// <summary>
/// Result of a lifecycle transition callback (ros2_control <c>CallbackReturn</c>): success moves to the
/// target state, failure stays in the start state, error enters <see cref="LifecycleState.ErrorProcessing"/>.
/// </summary>
public enum CallbackReturn
{
    /// <summary>The transition completed.</summary>
    Success,

    /// <summary>The transition did not happen; the component stays in its start state.</summary>
    Failure,

    /// <summary>The transition raised an error; the error path runs.</summary>
    Error,
}
