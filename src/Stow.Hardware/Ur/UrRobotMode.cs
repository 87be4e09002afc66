namespace Stow.Hardware.Ur;

/// <summary>Robot modes of a UR controller (RTDE <c>robot_mode</c>; dashboard <c>robotmode</c>; RTDE guide values).</summary>
public enum UrRobotMode
{
    /// <summary>NO_CONTROLLER.</summary>
    NoController = -1,

    /// <summary>DISCONNECTED.</summary>
    Disconnected = 0,

    /// <summary>CONFIRM_SAFETY.</summary>
    ConfirmSafety = 1,

    /// <summary>BOOTING.</summary>
    Booting = 2,

    /// <summary>POWER_OFF.</summary>
    PowerOff = 3,

    /// <summary>POWER_ON.</summary>
    PowerOn = 4,

    /// <summary>IDLE: powered, brakes engaged.</summary>
    Idle = 5,

    /// <summary>BACKDRIVE.</summary>
    Backdrive = 6,

    /// <summary>RUNNING: brakes released, ready to move.</summary>
    Running = 7,

    /// <summary>UPDATING_FIRMWARE.</summary>
    UpdatingFirmware = 8,
}
