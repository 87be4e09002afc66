using Stow.Hardware.Management;

namespace Stow.Sim.Devices.Faults;

/// <summary>
/// Fault injection for one simulated component, set from config (<c>params.faults</c>) or by tests at any
/// time. Fields are volatile flags read once per cycle.
/// <list type="bullet">
/// <item><description><see cref="DropCommands"/>: <c>Write</c> returns Ok but the device keeps its previous command.</description></item>
/// <item><description><see cref="FreezeSensor"/>: <c>Read</c> returns Ok but the published state stops changing.</description></item>
/// <item><description><see cref="CommsLoss"/>: <c>Read</c> and <c>Write</c> return Error.</description></item>
/// <item><description><see cref="BeltJam"/> (EOAT): belts stall; motor current rises to the stall current.</description></item>
/// </list>
/// </summary>
public sealed class SimFaultKnobs
{
    private volatile bool _dropCommands;
    private volatile bool _freezeSensor;
    private volatile bool _commsLoss;
    private volatile bool _beltJam;

    /// <summary>Commands are silently dropped.</summary>
    public bool DropCommands { get => _dropCommands; set => _dropCommands = value; }

    /// <summary>The published state is frozen.</summary>
    public bool FreezeSensor { get => _freezeSensor; set => _freezeSensor = value; }

    /// <summary>Communication is lost: Read/Write return Error.</summary>
    public bool CommsLoss { get => _commsLoss; set => _commsLoss = value; }

    /// <summary>The EOAT belts are jammed.</summary>
    public bool BeltJam { get => _beltJam; set => _beltJam = value; }

    /// <summary>Reads knobs from <c>params.faults</c>: <c>{"dropCommands":bool,"freezeSensor":bool,"commsLoss":bool,"beltJam":bool}</c>.</summary>
    /// <param name="config">Component configuration.</param>
    /// <returns>The knobs (all off when absent).</returns>
    public static SimFaultKnobs FromConfig(ComponentConfig config)
    {
        var k = new SimFaultKnobs();
        if (config.TryGet("faults", out var f) && f.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            k.DropCommands = Flag(f, "dropCommands");
            k.FreezeSensor = Flag(f, "freezeSensor");
            k.CommsLoss = Flag(f, "commsLoss");
            k.BeltJam = Flag(f, "beltJam");
        }

        return k;
    }

    private static bool Flag(System.Text.Json.JsonElement f, string name) =>
        f.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.True;
}
