using System.Diagnostics;
using System.Text.Json;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Management;
using Stow.Hardware.Ur;

namespace Stow.Hardware.Tests.Ur;

/// <summary>The cell's safety status from the UR controller's safety mode (<c>ur.safety</c>), against the controller emulator.</summary>
public sealed class UrSafetyTests
{
    [Fact(Timeout = 30_000)]
    public async Task An_Emergency_Stop_On_The_Controller_Opens_The_Chain_And_Refuses_A_Reset()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig();
        var (arm, safety) = Active(rig);
        var t = Cycle(arm, safety, 0);
        Assert.True(safety.State.MotionAllowed);

        rig.Cell.EStopPressed = true;
        var sw = Stopwatch.StartNew();
        while (safety.State.EStopChainClosed && sw.Elapsed < TimeSpan.FromSeconds(5))
        {
            t = Cycle(arm, safety, t);
        }

        Assert.False(safety.State.EStopChainClosed);
        Assert.True(safety.State.ProtectiveStop);
        Assert.False(safety.State.MotionAllowed);
        Assert.Equal(CommandStatus.Stopped, safety.RequestReset());
        arm.Shutdown();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_Stale_Arm_Stream_Is_A_Lost_Heartbeat()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig();
        var (arm, safety) = Active(rig);
        var t = Cycle(arm, safety, 0);
        Assert.True(safety.State.HeartbeatOk);

        // The loop's clock moves on past staleAfter while no new arm state is read.
        safety.Read(t + safety.StaleAfter + 0.01, 0.002);

        Assert.False(safety.State.HeartbeatOk);
        Assert.False(safety.State.MotionAllowed);
        arm.Shutdown();
    }

    [Fact(Timeout = 10_000)]
    public async Task Safety_Needs_Its_Arm_Listed_Before_It()
    {
        await Task.Yield();
        var registry = new HardwareRegistry();
        var built = new Dictionary<string, IHardwareComponent>();
        UrSafety.Register(registry, built);
        using var doc = JsonDocument.Parse("""{"arm":"arm"}""");

        var e = Assert.Throws<HardwareConfigException>(() => registry.Create(new ComponentConfig("safety", UrSafety.TypeName, doc.RootElement.Clone(), "hardware:components:0")));

        Assert.Equal("hardware:components:0:params:arm", e.Field);
        Assert.Contains("'arm'", e.Message, StringComparison.Ordinal);
    }

    private static (UrArm Arm, UrSafety Safety) Active(UrEmulatorRig rig)
    {
        var arm = new UrArm("arm", new UrArmOptions
        {
            RtdePort = rig.Emulator.RtdePort,
            SecondaryPort = rig.Emulator.SecondaryPort,
            DashboardPort = rig.Emulator.DashboardPort,
            BasePose = rig.Emulator.Arm.Options.BasePose,
            ActivateTimeout = 5,
            StateTimeout = 0.5,
        });
        var safety = new UrSafety("safety", arm);
        Assert.Equal(CallbackReturn.Success, arm.Configure());
        Assert.True(arm.Activate() == CallbackReturn.Success, arm.LastError);
        Assert.Equal(CallbackReturn.Success, safety.Configure());
        Assert.Equal(CallbackReturn.Success, safety.Activate());
        return (arm, safety);
    }

    /// <summary>One cycle paced by the controller: arm read, then safety read, at loop time <paramref name="t"/> + 2 ms.</summary>
    private static double Cycle(UrArm arm, UrSafety safety, double t)
    {
        t += 0.002;
        arm.WaitForNextState(TimeSpan.FromSeconds(1));
        arm.Read(t, 0.002);
        safety.Read(t, 0.002);
        return t;
    }
}
