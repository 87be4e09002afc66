using Stow.Core.Ids;
using Stow.Hardware.BandSeparator;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Modbus;
using Stow.Sim.Emulators;

namespace Stow.Hardware.Tests.Drivers;

/// <summary>End to end over real ptys: the Modbus band-separator driver against its emulator backed by the simulated device.</summary>
[Collection("pty")]
public class ModbusBandSeparatorPtyTests
{
    [Fact]
    public void Engage_Reaches_The_Simulated_Band_Separator_And_Release_Returns_It_To_Idle()
    {
        using var rig = new DriverPtyRig();
        DriverPtyRig.Activate(rig.BandSeparator);
        var bin = new BinId(2, 1);
        Assert.Equal(CommandStatus.Accepted, rig.BandSeparator.Engage(bin));
        Assert.True(rig.CycleUntil(rig.BandSeparator, () => rig.BandSeparator.State.Phase == BandSeparatorPhase.Engaged));
        Assert.Equal(bin, rig.BandSeparator.State.Bin);
        Assert.Equal(bin, rig.Cell.EngagedBin);
        Assert.Equal(CommandStatus.Accepted, rig.BandSeparator.Release());
        Assert.True(rig.CycleUntil(rig.BandSeparator, () => rig.BandSeparator.State.Phase == BandSeparatorPhase.Idle));
        Assert.Equal(0, rig.BandSeparatorEmulator.RefusedRequests);
    }

    [Fact]
    public void A_Bin_Off_The_Face_Is_Refused_By_The_Driver()
    {
        using var rig = new DriverPtyRig();
        DriverPtyRig.Activate(rig.BandSeparator);
        Assert.Equal(CommandStatus.Invalid, rig.BandSeparator.Engage(new BinId(-1, 0)));
        Assert.Equal(CommandStatus.Invalid, rig.BandSeparator.Engage(new BinId(0, 99)));
    }

    [Fact]
    public void An_Engage_Write_Lost_On_The_Line_Is_Repeated_Until_It_Lands()
    {
        using var rig = new DriverPtyRig(faultAfterFailures: 50);
        DriverPtyRig.Activate(rig.BandSeparator);
        rig.BandSeparatorEmulator.LineFaults.Inject(LineFault.Silence, 3);
        Assert.Equal(CommandStatus.Accepted, rig.BandSeparator.Engage(new BinId(1, 1)));
        Assert.True(rig.CycleUntil(rig.BandSeparator, () => rig.BandSeparator.State.Phase == BandSeparatorPhase.Engaged));
        Assert.True(rig.BandSeparator.Statistics!.Count(ModbusStatus.Timeout) >= 3);
    }

    [Fact]
    public void An_Unknown_Phase_From_The_Controller_Is_Refused_And_Faults_The_Read()
    {
        using var rig = new DriverPtyRig();
        DriverPtyRig.Activate(rig.BandSeparator);
        rig.BandSeparatorEmulator.LineFaults.Inject(LineFault.ImplausibleValues, 1);
        Assert.Equal(HardwareResult.Error, rig.ReadUntil(rig.BandSeparator, r => r == HardwareResult.Error));
        Assert.Contains("out of range", rig.BandSeparator.LastError, StringComparison.Ordinal);
        Assert.Equal(1, rig.BandSeparator.RejectedSamples);
        Assert.Equal(BandSeparatorPhase.Idle, rig.BandSeparator.State.Phase);
    }
}
