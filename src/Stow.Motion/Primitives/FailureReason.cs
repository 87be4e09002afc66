namespace Stow.Motion.Primitives;

/// <summary>Why an action failed.</summary>
public enum FailureReason
{
    /// <summary>No failure.</summary>
    None,

    /// <summary>The measured contact force exceeded the action's force limit.</summary>
    ForceLimit,

    /// <summary>The tool (or a belt) stopped making progress although commanded to move.</summary>
    Stall,

    /// <summary>The action ran past its time bound.</summary>
    Timeout,

    /// <summary>The beams saw no item where one was expected.</summary>
    ItemNotDetected,

    /// <summary>Halted from outside (e-stop, protective stop, hold).</summary>
    Halted,

    /// <summary>A device refused a command or reported a fault.</summary>
    HardwareFault,
}
