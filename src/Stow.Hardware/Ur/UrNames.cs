namespace Stow.Hardware.Ur;

/// <summary>
/// The controller's names of robot and safety modes, as the dashboard server prints them ("Robotmode: RUNNING",
/// "Safetystatus: PROTECTIVE_STOP"; dashboard server manual, e-Series). Thread-safe.
/// </summary>
public static class UrNames
{
    private static readonly (UrRobotMode Mode, string Name)[] RobotModes =
    [
        (UrRobotMode.NoController, "NO_CONTROLLER"), (UrRobotMode.Disconnected, "DISCONNECTED"),
        (UrRobotMode.ConfirmSafety, "CONFIRM_SAFETY"), (UrRobotMode.Booting, "BOOTING"), (UrRobotMode.PowerOff, "POWER_OFF"),
        (UrRobotMode.PowerOn, "POWER_ON"), (UrRobotMode.Idle, "IDLE"), (UrRobotMode.Backdrive, "BACKDRIVE"),
        (UrRobotMode.Running, "RUNNING"), (UrRobotMode.UpdatingFirmware, "UPDATING_FIRMWARE"),
    ];

    private static readonly (UrSafetyMode Mode, string Name)[] SafetyModes =
    [
        (UrSafetyMode.Normal, "NORMAL"), (UrSafetyMode.Reduced, "REDUCED"), (UrSafetyMode.ProtectiveStop, "PROTECTIVE_STOP"),
        (UrSafetyMode.Recovery, "RECOVERY"), (UrSafetyMode.SafeguardStop, "SAFEGUARD_STOP"),
        (UrSafetyMode.SystemEmergencyStop, "SYSTEM_EMERGENCY_STOP"), (UrSafetyMode.RobotEmergencyStop, "ROBOT_EMERGENCY_STOP"),
        (UrSafetyMode.Violation, "VIOLATION"), (UrSafetyMode.Fault, "FAULT"), (UrSafetyMode.ValidateJointId, "VALIDATE_JOINT_ID"),
        (UrSafetyMode.Undefined, "UNDEFINED_SAFETY_MODE"), (UrSafetyMode.AutomaticModeSafeguardStop, "AUTOMATIC_MODE_SAFEGUARD_STOP"),
        (UrSafetyMode.SystemThreePositionEnablingStop, "SYSTEM_THREE_POSITION_ENABLING_STOP"),
    ];

    /// <summary>Name of a robot mode.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>E.g. "RUNNING".</returns>
    public static string Name(UrRobotMode mode) => Array.Find(RobotModes, m => m.Mode == mode).Name ?? "UNKNOWN";

    /// <summary>Name of a safety mode.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>E.g. "PROTECTIVE_STOP".</returns>
    public static string Name(UrSafetyMode mode) => Array.Find(SafetyModes, m => m.Mode == mode).Name ?? "UNKNOWN";

    /// <summary>Parses a robot mode name.</summary>
    /// <param name="name">Name.</param>
    /// <param name="mode">The mode.</param>
    /// <returns>False for an unknown name.</returns>
    public static bool TryParse(string name, out UrRobotMode mode)
    {
        var i = Array.FindIndex(RobotModes, m => m.Name == name);
        mode = i >= 0 ? RobotModes[i].Mode : UrRobotMode.NoController;
        return i >= 0;
    }

    /// <summary>Parses a safety mode name.</summary>
    /// <param name="name">Name.</param>
    /// <param name="mode">The mode.</param>
    /// <returns>False for an unknown name.</returns>
    public static bool TryParse(string name, out UrSafetyMode mode)
    {
        var i = Array.FindIndex(SafetyModes, m => m.Name == name);
        mode = i >= 0 ? SafetyModes[i].Mode : UrSafetyMode.Undefined;
        return i >= 0;
    }
}
