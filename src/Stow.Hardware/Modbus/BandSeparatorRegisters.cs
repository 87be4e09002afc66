namespace Stow.Hardware.Modbus;

/// <summary>
/// Register map of the band-separator controller, Modbus RTU unit <see cref="DefaultUnit"/>; the full table is in
/// <c>docs/modbus-register-maps.md</c>. Same layout as <see cref="EoatRegisters"/>: a command block at 0x0000 and a
/// status block at 0x0100.
/// </summary>
public static class BandSeparatorRegisters
{
    /// <summary>Factory unit address of the band-separator controller.</summary>
    public const byte DefaultUnit = 2;

    /// <summary>First command register.</summary>
    public const ushort CommandStart = 0x0000;

    /// <summary>Command block length [registers].</summary>
    public const int CommandCount = 4;

    /// <summary>First status register.</summary>
    public const ushort StatusStart = 0x0100;

    /// <summary>Status block length [registers].</summary>
    public const int StatusCount = 8;

    /// <summary>Command 0x0000: action bits (<see cref="ActionActivate"/> …).</summary>
    public const ushort Action = 0x0000;

    /// <summary>Command 0x0001: target bin row (0 = bottom row of the face).</summary>
    public const ushort TargetRow = 0x0001;

    /// <summary>Command 0x0002: target bin column (0 = right-most as seen by the robot).</summary>
    public const ushort TargetColumn = 0x0002;

    /// <summary>Command 0x0003: host watchdog counter; must change at least every 200 ms while activated.</summary>
    public const ushort Watchdog = 0x0003;

    /// <summary>Status 0x0100: status bits (<see cref="StatusActivated"/> …).</summary>
    public const ushort Status = 0x0100;

    /// <summary>Status 0x0101: phase: 0 idle, 1 engaging, 2 engaged, 3 releasing, 4 fault.</summary>
    public const ushort Phase = 0x0101;

    /// <summary>Status 0x0102: fault code (<see cref="FaultNone"/> …).</summary>
    public const ushort Fault = 0x0102;

    /// <summary>Status 0x0103: row being engaged, engaged or released.</summary>
    public const ushort Row = 0x0103;

    /// <summary>Status 0x0104: column being engaged, engaged or released.</summary>
    public const ushort Column = 0x0104;

    /// <summary>Status 0x0105: hook stroke [0.1 mm] from parked.</summary>
    public const ushort HookPosition = 0x0105;

    /// <summary>Status 0x0106: hook motor current [mA].</summary>
    public const ushort MotorCurrent = 0x0106;

    /// <summary>Status 0x0107: sample counter, +1 per controller update.</summary>
    public const ushort Sequence = 0x0107;

    /// <summary>Action bit 0: activate.</summary>
    public const ushort ActionActivate = 1 << 0;

    /// <summary>Action bit 1: engage the bands of the target bin (rising edge, only when idle).</summary>
    public const ushort ActionEngage = 1 << 1;

    /// <summary>Action bit 2: release the bands (rising edge, when engaging or engaged).</summary>
    public const ushort ActionRelease = 1 << 2;

    /// <summary>Action bit 3: reset a latched fault (rising edge).</summary>
    public const ushort ActionResetFault = 1 << 3;

    /// <summary>Status bit 0: activated.</summary>
    public const ushort StatusActivated = 1 << 0;

    /// <summary>Status bit 1: bands held aside.</summary>
    public const ushort StatusEngaged = 1 << 1;

    /// <summary>Status bit 2: a fault is latched.</summary>
    public const ushort StatusFault = 1 << 2;

    /// <summary>Fault code 0: none.</summary>
    public const ushort FaultNone = 0;

    /// <summary>Fault code 1: hook jammed (over-current during the stroke).</summary>
    public const ushort FaultHookJam = 1;

    /// <summary>Fault code 2: no band found at the expected heights.</summary>
    public const ushort FaultBandNotFound = 2;

    /// <summary>Fault code 3: host watchdog expired.</summary>
    public const ushort FaultWatchdog = 3;

    /// <summary>Fault code 4: target bin not on this pod face.</summary>
    public const ushort FaultBadTarget = 4;
}
