using System.Diagnostics;
using Stow.Core.Ids;
using Stow.Hardware.BandSeparator;
using Stow.Hardware.Drivers;
using Stow.Hardware.Eoat;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Modbus;
using Stow.Sim.Devices;
using Stow.Sim.Emulators;
using Stow.Sim.Tests.World;

namespace Stow.Sim.Tests.Emulators;

/// <summary>The committed live-sim configuration runs a whole cell with the Modbus drivers over socat ptys.</summary>
[Collection(WallClockCollection.Name)]
public class LiveSimRigTests
{
    [Fact]
    public void The_Live_Sim_Config_Brings_Up_A_Cell_With_Serial_Drivers_And_Tears_Down_Its_Socat_Processes()
    {
        var cell = new SimCell(seed: 3);
        int[] pids;
        string dir;
        using (var rig = LiveSimRig.StartFromFile(Path.Combine(WorldTestData.RepoRoot, "config", "cell.live-sim.json"), cell))
        {
            pids = [.. rig.Links.Values.Select(l => l.ProcessId!.Value)];
            dir = rig.DeviceDirectory;
            var hw = rig.Hardware;
            Assert.IsType<ModbusEoat>(hw.Get<IEoat>("eoat"));
            Assert.IsType<ModbusBandSeparator>(hw.Get<IBandSeparator>("band_separator"));
            Assert.IsType<Stow.Hardware.Ur.UrArm>(hw.Get<Stow.Hardware.Arm.IArm>("arm"));
            Assert.True(rig.HasLiveArm);
            var configured = hw.ConfigureAll();
            Assert.True(hw.Components.All(c => c.LifecycleState == LifecycleState.Inactive), Describe(hw, configured));
            var activated = hw.ActivateAll();
            Assert.True(hw.Components.All(c => c.LifecycleState == LifecycleState.Active), Describe(hw, activated));

            var eoat = hw.Get<IEoat>("eoat");
            var bands = hw.Get<IBandSeparator>("band_separator");
            Assert.Equal(CommandStatus.Accepted, eoat.CommandBelts(0.1, 0.1));
            Assert.Equal(CommandStatus.Accepted, bands.Engage(new BinId(0, 0)));
            var clock = Stopwatch.StartNew();
            var t = 0.0;
            while (clock.Elapsed < TimeSpan.FromSeconds(15) && !(eoat.State.LeftBeltSpeed > 0.09 && bands.State.Phase == BandSeparatorPhase.Engaged))
            {
                t += 0.01;
                var read = hw.Read(t, 0.01);
                Assert.True(read == HardwareResult.Ok, $"read at t = {t:F2} s: {read}: {Describe(hw, string.Empty)}");
                var written = hw.Write(t, 0.01);
                Assert.True(written == HardwareResult.Ok, $"write at t = {t:F2} s: {written}: {Describe(hw, string.Empty)}");
            }

            Assert.True(eoat.State.LeftBeltSpeed > 0.09, "belt speed read back through the EOAT driver");
            Assert.Equal(BandSeparatorPhase.Engaged, bands.State.Phase);
            Assert.Equal(0, hw.FaultCount);
            hw.DeactivateAll();
        }

        foreach (var pid in pids)
        {
            Assert.False(IsRunning(pid), $"socat {pid} still running");
        }

        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_Rig_Stepped_By_The_Simulation_Moves_The_Emulated_Eoat_Only_As_Simulated_Time_Passes()
    {
        using var rig = LiveSimRig.StartFromFile(Path.Combine(WorldTestData.RepoRoot, "config", "cell.live-sim.json"), new SimCell(seed: 4), selfStepping: false);
        var hw = rig.Hardware;
        hw.ConfigureAll();
        hw.ActivateAll();
        Assert.True(hw.Components.All(c => c.LifecycleState == LifecycleState.Active), Describe(hw, "activation"));
        var eoat = hw.Get<IEoat>("eoat");
        var emulator = (EoatEmulator)rig.Emulators["eoat"];
        Assert.Equal(CommandStatus.Accepted, eoat.CommandBelts(0.2, 0.2));

        // The driver's I/O thread writes the command block the host publishes each cycle: wait (with a deadline) until
        // the controller holds the set-point. No simulated time passes meanwhile, so the belts stay still.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15) &&
            RegisterScaling.DecodeSigned(emulator.Server[EoatRegisters.LeftBeltSpeedSet], EoatRegisters.SpeedResolution) < 0.19)
        {
            Assert.Equal(HardwareResult.Ok, hw.Read(0, 0.01));
            Assert.Equal(HardwareResult.Ok, hw.Write(0, 0.01));
            Thread.Sleep(1); // the pace of a ~1 kHz control loop, not a wait for a condition
        }

        Assert.InRange(RegisterScaling.DecodeSigned(emulator.Server[EoatRegisters.LeftBeltSpeedSet], EoatRegisters.SpeedResolution), 0.19, 0.21);
        Assert.InRange(emulator.Device.State.LeftBeltSpeed, -0.001, 0.001);

        // 0.5 s of simulated time (50 cycles) lets the belts (time constant 50 ms) reach their set-point, however long
        // the cycles take on the wall clock.
        for (var i = 1; i <= 50; i++)
        {
            var t = i * 0.01;
            rig.Step(t, 0.01);
            Assert.Equal(HardwareResult.Ok, hw.Read(t, 0.01));
            Assert.Equal(HardwareResult.Ok, hw.Write(t, 0.01));
        }

        rig.Step(0.51, 0.01);
        Assert.InRange(emulator.Device.State.LeftBeltSpeed, 0.19, 0.21);

        // The driver sees it once its I/O thread has polled the stepped status block.
        clock.Restart();
        while (clock.Elapsed < TimeSpan.FromSeconds(15) && !(eoat.State.LeftBeltSpeed > 0.19))
        {
            Assert.Equal(HardwareResult.Ok, hw.Read(0.51, 0.01));
            Thread.Sleep(1); // the pace of a ~1 kHz control loop, not a wait for a condition
        }

        Assert.InRange(eoat.State.LeftBeltSpeed, 0.19, 0.21);
    }

    private static string Describe(Stow.Hardware.Management.HardwareManager hw, object report) =>
        string.Join("; ", hw.Components.Select(c => $"{c.Name}={c.LifecycleState} {c.LastError} {(c as ModbusEoat)?.TransitionError}{(c as ModbusBandSeparator)?.TransitionError}")) + " " + report;

    private static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
