namespace Stow.Hardware.Ur.Control;

/// <summary>
/// The register protocol between the host and the project's URScript control program (<see cref="UrControlScript"/>),
/// in the RTDE register range the guide leaves to external clients (24..47).
/// Inputs (host → program): <see cref="Command"/>, <see cref="WatchdogCounter"/>, the twist in
/// <see cref="TwistFirst"/>..+5 (base frame, m/s and rad/s). Outputs (program → host): <see cref="ProgramState"/>,
/// <see cref="WatchdogTripped"/>.
/// </summary>
public static class UrControlRegisters
{
    /// <summary>input_int_register: 0 hold (stopl), 1 follow the twist (speedl), 2 end the program.</summary>
    public const int Command = 24;

    /// <summary>input_int_register: a counter the host changes every cycle; the program stops the arm when it stalls.</summary>
    public const int WatchdogCounter = 25;

    /// <summary>input_double_register: vx; vy, vz, ωx, ωy, ωz follow in the next five registers.</summary>
    public const int TwistFirst = 24;

    /// <summary>output_int_register: 1 while the program runs, 0 once it ended.</summary>
    public const int ProgramState = 24;

    /// <summary>output_int_register: 1 while the watchdog holds the arm stopped.</summary>
    public const int WatchdogTripped = 25;

    /// <summary>Command value: hold still (stopl).</summary>
    public const int CommandHold = 0;

    /// <summary>Command value: follow the twist (speedl).</summary>
    public const int CommandSpeed = 1;

    /// <summary>Command value: end the program.</summary>
    public const int CommandQuit = 2;
}
