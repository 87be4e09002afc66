using System.Diagnostics;
using Stow.Core.Geometry;
using Stow.Hardware.Arm;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Management;
using Stow.Hardware.Ur;
using Stow.Sim.Ur;

namespace Stow.Hardware.Tests.Ur;

/// <summary>The ur.arm component against the controller emulator over loopback.</summary>
public class UrArmLoopbackTests
{
    private static UrArm Arm(UrEmulatorRig rig) => new("arm", new UrArmOptions
    {
        RtdePort = rig.Emulator.RtdePort,
        SecondaryPort = rig.Emulator.SecondaryPort,
        DashboardPort = rig.Emulator.DashboardPort,
        BasePose = rig.Emulator.Arm.Options.BasePose,
        ActivateTimeout = 5,
        StateTimeout = 0.5,
    });

    private static UrArm Active(UrEmulatorRig rig)
    {
        var arm = Arm(rig);
        Assert.Equal(CallbackReturn.Success, arm.Configure());
        Assert.True(arm.Activate() == CallbackReturn.Success, arm.LastError);
        return arm;
    }

    /// <summary>One paced cycle: wait for the controller's next package, read, let the caller command, write.</summary>
    private static (HardwareResult Read, HardwareResult Write) Cycle(UrArm arm, Action? command = null)
    {
        arm.WaitForNextState(TimeSpan.FromSeconds(1));
        var r = arm.Read(0, 0.002);
        if (r != HardwareResult.Ok)
        {
            return (r, HardwareResult.Error);
        }

        command?.Invoke();
        return (r, arm.Write(0, 0.002));
    }

    [Fact(Timeout = 30_000)]
    public async Task Activation_Powers_On_Releases_Brakes_And_Runs_The_Program_Which_Ends_On_Deactivation()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig(initial: UrRobotMode.PowerOff);
        var arm = Active(rig);
        Assert.Equal(UrRobotMode.Running, rig.Emulator.RobotMode);
        Assert.Equal(UrProgramState.Running, rig.Emulator.Program);
        Assert.Equal(5u, arm.ControllerVersion.Major);
        Assert.Equal(HardwareResult.Ok, Cycle(arm).Read);
        Assert.False(arm.State.ProtectiveStop);
        Assert.Equal(CallbackReturn.Success, arm.Deactivate());
        Assert.Equal(UrProgramState.Stopped, rig.Emulator.Program);
        Assert.Equal(CallbackReturn.Success, arm.Shutdown());
    }

    [Fact(Timeout = 30_000)]
    public async Task Pose_Command_Moves_The_Emulated_Arm_To_The_Target()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig();
        var arm = Active(rig);
        Cycle(arm);
        var start = arm.State.TcpPose;
        Assert.True((start.Position - rig.Emulator.Arm.State.TcpPose.Position).Length < 0.01, "driver and emulator agree on the cell-frame pose");
        var target = new Pose(start.Position + new Vec3(0.05, -0.03, 0.02), start.Orientation);
        var sw = Stopwatch.StartNew();
        while ((arm.State.TcpPose.Position - target.Position).Length > 0.002 && sw.Elapsed < TimeSpan.FromSeconds(10))
        {
            Assert.Equal(HardwareResult.Ok, Cycle(arm, () => Assert.Equal(CommandStatus.Accepted, arm.CommandPose(target))).Write);
        }

        Assert.True((arm.State.TcpPose.Position - target.Position).Length <= 0.002, $"reached {arm.State.TcpPose.Position}");
        arm.Shutdown();
    }

    [Fact(Timeout = 30_000)]
    public async Task Speed_Scaling_Is_Honoured_By_The_Controller()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig();
        var arm = Active(rig);
        Assert.Equal(CallbackReturn.Success, arm.PrepareModeSwitch((int)ArmCommandMode.Twist));
        Cycle(arm, () => arm.PerformModeSwitch());
        var fastest = 0.0;
        for (var i = 0; i < 400; i++)
        {
            Cycle(arm, () =>
            {
                arm.SetSpeedScaling(0.2);
                arm.CommandTwist(new Twist(new Vec3(0, 0, 0.3), Vec3.Zero));
            });
            fastest = Math.Max(fastest, arm.State.TcpTwist.Linear.Length);
        }

        Assert.Equal(0.2, arm.State.SpeedScaling, 6);
        Assert.InRange(fastest, 0.03, 0.06 + 1e-6);
        arm.Shutdown();
    }

    [Fact(Timeout = 30_000)]
    public async Task Stalled_Watchdog_Stops_The_Emulated_Arm()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig();
        var arm = Active(rig);
        arm.PrepareModeSwitch((int)ArmCommandMode.Twist);
        Cycle(arm, () => arm.PerformModeSwitch());
        for (var i = 0; i < 300; i++)
        {
            Cycle(arm, () => arm.CommandTwist(new Twist(new Vec3(0.05, 0, 0), Vec3.Zero)));
        }

        Assert.True(rig.Emulator.Arm.State.TcpTwist.Linear.Length > 0.04);

        // The host stops writing: the program's watchdog trips after 0.1 s and stopl brings the arm to rest.
        var sw = Stopwatch.StartNew();
        while ((rig.Emulator.WatchdogTrips == 0 || rig.Emulator.Arm.State.TcpTwist.Linear.Length > 1e-6) && sw.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10);
        }

        Assert.Equal(1, rig.Emulator.WatchdogTrips);
        Assert.True(rig.Emulator.Arm.State.TcpTwist.Linear.Length <= 1e-6);
        Assert.Equal(1, rig.Emulator.Snapshot().OutputIntRegisters[25]);
        arm.Shutdown();
    }

    [Fact(Timeout = 30_000)]
    public async Task Killed_Controller_Fails_The_Next_Read_And_Nothing_Is_Written()
    {
        await Task.Yield();
        var rig = new UrEmulatorRig();
        var arm = Active(rig);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HardwareResult.Ok, Cycle(arm).Read);
        }

        rig.Dispose();
        var cycles = 0;
        HardwareResult read;
        do
        {
            cycles++;
            (read, _) = Cycle(arm, () => arm.CommandPose(arm.State.TcpPose));
        }
        while (read == HardwareResult.Ok && cycles < 1000);

        Assert.Equal(HardwareResult.Error, read);
        Assert.True(cycles <= 2, $"noticed after {cycles} cycles");
        Assert.Equal(HardwareResult.Error, arm.Write(0, 0.002));
        arm.HandleError("read returned an error");
        Assert.Equal(LifecycleState.Unconfigured, arm.LifecycleState);
    }

    [Fact(Timeout = 30_000)]
    public async Task Protective_Stop_Holds_And_Recovery_Waits_For_The_Unlock_Delay()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig(unlockDelay: 5);
        var arm = Active(rig);
        rig.Emulator.TriggerProtectiveStop();
        var sw = Stopwatch.StartNew();
        while (!arm.State.ProtectiveStop && sw.Elapsed < TimeSpan.FromSeconds(5))
        {
            Cycle(arm);
        }

        Assert.True(arm.State.ProtectiveStop);
        Assert.False(arm.State.EmergencyStop);
        Assert.Equal(CommandStatus.Stopped, arm.CommandPose(arm.State.TcpPose));
        Assert.False(arm.Recover(out var error));
        Assert.Contains("Cannot unlock protective stop", error, StringComparison.Ordinal);
        arm.Shutdown();
    }

    [Fact(Timeout = 30_000)]
    public async Task Recovery_Unlocks_The_Protective_Stop_And_Restarts_The_Program()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig(unlockDelay: 0);
        var arm = Active(rig);
        rig.Emulator.TriggerProtectiveStop();
        var sw = Stopwatch.StartNew();
        while (!arm.State.ProtectiveStop && sw.Elapsed < TimeSpan.FromSeconds(5))
        {
            Cycle(arm);
        }

        Assert.True(arm.Recover(out var error), error);
        Cycle(arm);
        Assert.False(arm.State.ProtectiveStop);
        Assert.Equal(2, rig.Emulator.ProgramsRun);
        arm.Shutdown();
    }

    [Fact(Timeout = 30_000)]
    public async Task Emergency_Stop_Is_Reported_As_Such()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig();
        var arm = Active(rig);
        rig.Cell.EStopPressed = true;
        var sw = Stopwatch.StartNew();
        while (!arm.State.EmergencyStop && sw.Elapsed < TimeSpan.FromSeconds(5))
        {
            Cycle(arm);
        }

        Assert.True(arm.State.EmergencyStop);
        Assert.True(arm.State.ProtectiveStop);
        Assert.Equal(CommandStatus.Stopped, arm.ResetProtectiveStop());
        arm.Shutdown();
    }

    [Fact(Timeout = 30_000)]
    public async Task After_The_Error_Path_The_Arm_Configures_And_Activates_Again_At_Once()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig();
        var arm = Active(rig);
        Cycle(arm);
        arm.HandleError("read returned an error");
        Assert.Equal(LifecycleState.Unconfigured, arm.LifecycleState);
        Assert.True(arm.Configure() == CallbackReturn.Success, arm.LastError);
        Assert.True(arm.Activate() == CallbackReturn.Success, arm.LastError);
        Assert.Equal(HardwareResult.Ok, Cycle(arm).Read);
        Assert.Equal(2, rig.Emulator.ProgramsRun);
        arm.Shutdown();
    }

    [Fact]
    public void Registry_Builds_The_Arm_And_Names_A_Bad_Parameter()
    {
        var registry = new HardwareRegistry();
        UrDrivers.Register(registry);
        var ok = HardwareConfig.Parse("""{"hardware":{"components":[{"name":"arm","type":"ur.arm","params":{"host":"10.0.0.2","rtdePort":30004,"baseZ":0.5}}]}}""");
        var arm = Assert.IsType<UrArm>(registry.Create(ok.Components[0]));
        Assert.Equal("10.0.0.2", arm.Options.Host);
        Assert.Equal(0.5, arm.Options.BasePose.Position.Z);
        var bad = HardwareConfig.Parse("""{"hardware":{"components":[{"name":"arm","type":"ur.arm","params":{"rtdePort":70000}}]}}""");
        var e = Assert.Throws<FormatException>(() => registry.Create(bad.Components[0]));
        Assert.Contains("rtdePort", e.Message, StringComparison.Ordinal);
        Assert.Contains("'arm'", e.Message, StringComparison.Ordinal);
    }
}
