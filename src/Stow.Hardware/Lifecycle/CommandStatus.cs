namespace Stow.Hardware.Lifecycle;

/// <summary>Answer of a device to a command call (a setter that stores the command for the next <c>Write</c>).</summary>
public enum CommandStatus
{
    /// <summary>The command was stored and will be written on the next cycle.</summary>
    Accepted,

    /// <summary>Refused: the component is not <see cref="LifecycleState.Active"/>.</summary>
    NotActive,

    /// <summary>Refused: a protective stop or e-stop is in force.</summary>
    Stopped,

    /// <summary>Refused: the value is out of range, not finite, or not allowed in the current command mode.</summary>
    Invalid,
}
