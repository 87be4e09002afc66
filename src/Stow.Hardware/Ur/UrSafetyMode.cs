namespace Stow.Hardware.Ur;

/// <summary>Safety modes of a UR controller (RTDE <c>safety_mode</c> and <c>safety_status</c>; RTDE guide values).</summary>
public enum UrSafetyMode
{
    /// <summary>NORMAL.</summary>
    Normal = 1,

    /// <summary>REDUCED.</summary>
    Reduced = 2,

    /// <summary>PROTECTIVE_STOP.</summary>
    ProtectiveStop = 3,

    /// <summary>RECOVERY.</summary>
    Recovery = 4,

    /// <summary>SAFEGUARD_STOP.</summary>
    SafeguardStop = 5,

    /// <summary>SYSTEM_EMERGENCY_STOP.</summary>
    SystemEmergencyStop = 6,

    /// <summary>ROBOT_EMERGENCY_STOP.</summary>
    RobotEmergencyStop = 7,

    /// <summary>VIOLATION.</summary>
    Violation = 8,

    /// <summary>FAULT.</summary>
    Fault = 9,

    /// <summary>VALIDATE_JOINT_ID.</summary>
    ValidateJointId = 10,

    /// <summary>UNDEFINED_SAFETY_MODE.</summary>
    Undefined = 11,

    /// <summary>AUTOMATIC_MODE_SAFEGUARD_STOP.</summary>
    AutomaticModeSafeguardStop = 12,

    /// <summary>SYSTEM_THREE_POSITION_ENABLING_STOP.</summary>
    SystemThreePositionEnablingStop = 13,
}
