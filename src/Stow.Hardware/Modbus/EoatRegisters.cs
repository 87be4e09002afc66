namespace Stow.Hardware.Modbus;

/// <summary>
/// Register map of the EOAT controller (paddles, belts, spatula, beams), Modbus RTU unit
/// <see cref="DefaultUnit"/>; the full table with semantics is <c>docs/modbus-register-maps.md</c>. Laid out like
/// industrial gripper maps (Robotiq 2F/Hand-E: an action-request register with activate/go/stop bits, a status
/// register with mirrored bits, a fault register, then positions) with one command block written by a single 0x10
/// request and one status block read by a single 0x03 request.
/// </summary>
public static class EoatRegisters
{
    /// <summary>Factory unit address of the EOAT controller.</summary>
    public const byte DefaultUnit = 1;

    /// <summary>First command register.</summary>
    public const ushort CommandStart = 0x0000;

    /// <summary>Command block length [registers].</summary>
    public const int CommandCount = 7;

    /// <summary>First status register.</summary>
    public const ushort StatusStart = 0x0100;

    /// <summary>Status block length [registers].</summary>
    public const int StatusCount = 10;

    /// <summary>Command 0x0000: action request bits (<see cref="ActionActivate"/> …).</summary>
    public const ushort Action = 0x0000;

    /// <summary>Command 0x0001: paddle gap set-point [0.1 mm].</summary>
    public const ushort PaddleGapSet = 0x0001;

    /// <summary>Command 0x0002: squeeze force limit [0.1 N].</summary>
    public const ushort SqueezeForceLimit = 0x0002;

    /// <summary>Command 0x0003: left belt speed set-point [mm/s], signed, + feeds towards the bin.</summary>
    public const ushort LeftBeltSpeedSet = 0x0003;

    /// <summary>Command 0x0004: right belt speed set-point [mm/s], signed.</summary>
    public const ushort RightBeltSpeedSet = 0x0004;

    /// <summary>Command 0x0005: spatula extension set-point [0.1 mm].</summary>
    public const ushort SpatulaExtensionSet = 0x0005;

    /// <summary>Command 0x0006: host watchdog counter; must change at least every 200 ms while activated.</summary>
    public const ushort Watchdog = 0x0006;

    /// <summary>Status 0x0100: status bits (<see cref="StatusActivated"/> …).</summary>
    public const ushort Status = 0x0100;

    /// <summary>Status 0x0101: fault code (<see cref="FaultNone"/> …).</summary>
    public const ushort Fault = 0x0101;

    /// <summary>Status 0x0102: paddle gap [0.1 mm].</summary>
    public const ushort PaddleGap = 0x0102;

    /// <summary>Status 0x0103: squeeze force [0.1 N].</summary>
    public const ushort SqueezeForce = 0x0103;

    /// <summary>Status 0x0104: left belt speed [mm/s], signed.</summary>
    public const ushort LeftBeltSpeed = 0x0104;

    /// <summary>Status 0x0105: right belt speed [mm/s], signed.</summary>
    public const ushort RightBeltSpeed = 0x0105;

    /// <summary>Status 0x0106: left belt motor current [mA].</summary>
    public const ushort LeftBeltCurrent = 0x0106;

    /// <summary>Status 0x0107: right belt motor current [mA].</summary>
    public const ushort RightBeltCurrent = 0x0107;

    /// <summary>Status 0x0108: spatula extension [0.1 mm].</summary>
    public const ushort SpatulaExtension = 0x0108;

    /// <summary>Status 0x0109: sample counter, +1 per controller update (a frozen value means a frozen sensor).</summary>
    public const ushort Sequence = 0x0109;

    /// <summary>Length resolution [m per count] (0.1 mm).</summary>
    public const double LengthResolution = 1e-4;

    /// <summary>Force resolution [N per count] (0.1 N).</summary>
    public const double ForceResolution = 0.1;

    /// <summary>Belt speed resolution [m/s per count] (1 mm/s).</summary>
    public const double SpeedResolution = 1e-3;

    /// <summary>Current resolution [A per count] (1 mA).</summary>
    public const double CurrentResolution = 1e-3;

    /// <summary>Action bit 0: activate (0 → controller resets and parks).</summary>
    public const ushort ActionActivate = 1 << 0;

    /// <summary>Action bit 1: go to the set-points.</summary>
    public const ushort ActionGo = 1 << 1;

    /// <summary>Action bit 2: stop: belts to 0, paddles and spatula hold position.</summary>
    public const ushort ActionStop = 1 << 2;

    /// <summary>Action bit 3: reset a latched fault (rising edge).</summary>
    public const ushort ActionResetFault = 1 << 3;

    /// <summary>Status bit 0: activated.</summary>
    public const ushort StatusActivated = 1 << 0;

    /// <summary>Status bit 1: moving to set-points.</summary>
    public const ushort StatusMoving = 1 << 1;

    /// <summary>Status bit 2: paddles at their gap, or stopped by the force limit.</summary>
    public const ushort StatusPaddlesAtTarget = 1 << 2;

    /// <summary>Status bit 3: spatula at its set-point.</summary>
    public const ushort StatusSpatulaAtTarget = 1 << 3;

    /// <summary>Status bit 4: rear beam (paddle root) blocked by an item.</summary>
    public const ushort StatusRearBeam = 1 << 4;

    /// <summary>Status bit 5: front beam (paddle tips) blocked by an item.</summary>
    public const ushort StatusFrontBeam = 1 << 5;

    /// <summary>Status bit 6: a fault is latched (see <see cref="Fault"/>).</summary>
    public const ushort StatusFault = 1 << 6;

    /// <summary>Status bit 7: stopped by <see cref="ActionStop"/> or by the watchdog.</summary>
    public const ushort StatusStopped = 1 << 7;

    /// <summary>Fault code 0: none.</summary>
    public const ushort FaultNone = 0;

    /// <summary>Fault code 1: paddle motor over-current.</summary>
    public const ushort FaultPaddleOverCurrent = 1;

    /// <summary>Fault code 2: belt jam (current above limit while the speed is under 10 % of its set-point).</summary>
    public const ushort FaultBeltJam = 2;

    /// <summary>Fault code 3: spatula following error.</summary>
    public const ushort FaultSpatulaPosition = 3;

    /// <summary>Fault code 4: host watchdog expired.</summary>
    public const ushort FaultWatchdog = 4;

    /// <summary>Fault code 5: over-temperature.</summary>
    public const ushort FaultOverTemperature = 5;

    /// <summary>Fault code 6: supply under-voltage.</summary>
    public const ushort FaultUnderVoltage = 6;
}
