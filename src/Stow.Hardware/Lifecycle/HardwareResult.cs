namespace Stow.Hardware.Lifecycle;

/// <summary>
/// Result code of one <c>Read</c> or <c>Write</c> inside the control cycle (ros2_control
/// <c>return_type</c>: OK, ERROR, DEACTIVATE). The cycle never throws; it returns one of these.
/// </summary>
public enum HardwareResult
{
    /// <summary>The exchange with the device succeeded.</summary>
    Ok,

    /// <summary>The exchange failed; the manager moves the component to its error path.</summary>
    Error,

    /// <summary>The device asks to be deactivated (e.g. protective stop); the manager deactivates it.</summary>
    Deactivate,
}
