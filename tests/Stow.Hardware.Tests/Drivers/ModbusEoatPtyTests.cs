using Stow.Hardware.Lifecycle;
using Stow.Hardware.Modbus;

namespace Stow.Hardware.Tests.Drivers;

/// <summary>End to end over real ptys: the Modbus EOAT driver against the EOAT emulator backed by the simulated EOAT.</summary>
[Collection("pty")]
public class ModbusEoatPtyTests
{
    [Fact]
    public void A_Belt_Speed_Command_Reaches_The_Simulated_Eoat_And_Reads_Back()
    {
        using var rig = new DriverPtyRig();
        DriverPtyRig.Activate(rig.Eoat);
        Assert.Equal(CommandStatus.Accepted, rig.Eoat.CommandBelts(0.2, 0.15));
        Assert.True(rig.CycleUntil(rig.Eoat, () => rig.Eoat.State.LeftBeltSpeed > 0.19 && rig.Eoat.State.RightBeltSpeed > 0.14));
        Assert.InRange(rig.EoatEmulator.Device.State.LeftBeltSpeed, 0.18, 0.21);
        Assert.True(rig.Eoat.State.LeftBeltCurrent > 0, "belt current reads back");
        Assert.Equal(0, rig.Eoat.RejectedSamples);
    }

    [Fact]
    public void Beam_Sensors_Read_Back_While_The_Belts_Feed_An_Item_Into_The_Bin()
    {
        using var rig = new DriverPtyRig();
        rig.EoatEmulator.Device.LoadItem(0.22, 0.05, 0.3);
        DriverPtyRig.Activate(rig.Eoat);
        Assert.True(rig.CycleUntil(rig.Eoat, () => rig.Eoat.State.FrontBeamBlocked && rig.Eoat.State.RearBeamBlocked), "both beams see the loaded item");
        Assert.Equal(CommandStatus.Accepted, rig.Eoat.CommandBelts(0.3, 0.3));
        Assert.True(rig.CycleUntil(rig.Eoat, () => rig.Cell.ItemsReleased == 1 && !rig.Eoat.State.ItemPresent), "the item leaves and both beams clear");
    }

    [Fact]
    public void Deactivation_Stops_The_Belts_Of_The_Simulated_Eoat()
    {
        using var rig = new DriverPtyRig();
        DriverPtyRig.Activate(rig.Eoat);
        rig.Eoat.CommandBelts(0.2, 0.2);
        Assert.True(rig.CycleUntil(rig.Eoat, () => rig.Eoat.State.LeftBeltSpeed > 0.1));
        Assert.Equal(CallbackReturn.Success, rig.Eoat.Deactivate());
        Assert.True(rig.CycleUntil(rig.Eoat, () => Math.Abs(rig.Eoat.State.LeftBeltSpeed) < 0.002 && (rig.Eoat.StatusBits & EoatRegisters.StatusStopped) != 0));
    }

    [Theory]
    [InlineData(double.NaN, 0.0)]
    [InlineData(0.6, 0.0)]
    [InlineData(0.0, double.PositiveInfinity)]
    [InlineData(-1e9, 0.0)]
    public void A_Corrupt_Or_Out_Of_Range_Belt_Command_Is_Refused_And_Never_Sent(double left, double right)
    {
        using var rig = new DriverPtyRig();
        DriverPtyRig.Activate(rig.Eoat);
        Assert.Equal(CommandStatus.Invalid, rig.Eoat.CommandBelts(left, right));
        var steps = rig.EoatEmulator.Steps;
        Assert.True(rig.CycleUntil(rig.Eoat, () => rig.EoatEmulator.Steps > steps + 20));
        Assert.Equal(0, rig.EoatEmulator.Device.State.LeftBeltSpeed);
        Assert.Equal(0, rig.EoatEmulator.Device.State.RightBeltSpeed);
    }

    [Fact]
    public void A_Latched_Device_Fault_Fails_The_Read_So_The_Cell_Holds()
    {
        using var rig = new DriverPtyRig();
        DriverPtyRig.Activate(rig.Eoat);
        rig.EoatEmulator.Device.Faults.BeltJam = true;
        rig.Eoat.CommandBelts(0.2, 0.2);
        Assert.True(rig.CycleUntil(rig.Eoat, () => rig.Eoat.DeviceFault == EoatRegisters.FaultBeltJam, r => r == HardwareResult.Error));
        Assert.Equal(HardwareResult.Error, rig.Read(rig.Eoat));
        Assert.Contains("fault", rig.Eoat.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Silent_Host_Trips_The_Controller_Watchdog_Which_Stops_The_Belts()
    {
        using var rig = new DriverPtyRig(emulatorWatchdog: 0.3);
        DriverPtyRig.Activate(rig.Eoat);
        rig.Eoat.CommandBelts(0.2, 0.2);
        Assert.True(rig.CycleUntil(rig.Eoat, () => rig.Eoat.State.LeftBeltSpeed > 0.1));

        // The host stops cycling: wait (with a deadline) for the controller to notice.
        Assert.True(SpinWait.SpinUntil(() => rig.EoatEmulator.Fault == EoatRegisters.FaultWatchdog, DriverPtyRig.Deadline));
        Assert.Equal(HardwareResult.Error, rig.ReadUntil(rig.Eoat, r => r == HardwareResult.Error));
        Assert.Equal(EoatRegisters.FaultWatchdog, rig.Eoat.DeviceFault);
        Assert.True(SpinWait.SpinUntil(() => Math.Abs(rig.EoatEmulator.Device.State.LeftBeltSpeed) < 0.002, DriverPtyRig.Deadline));

        // The operator's reset: the error path, then configure and activate again, which clears the latched fault.
        rig.Eoat.HandleError("watchdog");
        DriverPtyRig.Activate(rig.Eoat);
        Assert.Equal(EoatRegisters.FaultNone, rig.EoatEmulator.Fault);
        rig.Eoat.CommandBelts(0.1, 0.1);
        Assert.True(rig.CycleUntil(rig.Eoat, () => rig.Eoat.State.LeftBeltSpeed > 0.08), "belts run again after the reset");
    }
}
