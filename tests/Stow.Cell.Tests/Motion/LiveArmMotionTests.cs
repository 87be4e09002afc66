using System.Diagnostics;
using Stow.Cell.Shift;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.World;
using Stow.Cell.Tests.Support;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Core.Time;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Ur;
using Stow.Planning.Candidates;
using Xunit;

namespace Stow.Cell.Tests.Motion;

/// <summary>Stow motion with the arm driven over RTDE (ur.arm) against the controller emulator of the live-sim rig.</summary>
[Collection(WallClockCollection.Name)]
public sealed class LiveArmMotionTests
{
    private static readonly Lazy<PodType> Fabric40 = new(() => PodTypeLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "pods", "fabric-40.json")));

    private static SimArmMotion Motion(out VirtualClock clock)
    {
        Item[] prefill = [Item(100, 0.15, 0.10, 0.05)];
        var world = new SimShiftWorld(Fabric40.Value, prefill, 0.2, 3);
        clock = new VirtualClock();
        return new SimArmMotion(world, clock, new SimArmMotionOptions
        {
            Seed = 7,
            LiveSimConfigPath = Path.Combine(TestPaths.RepoRoot, "config", "cell.live-sim.json"),
        });
    }

    [Fact(Timeout = 180_000)]
    public async Task A_Stow_Over_Rtde_Succeeds_On_The_Wall_Clock()
    {
        await Task.Yield();
        using var motion = Motion(out var clock);
        Assert.NotNull(motion.Rig);
        Assert.True(motion.Rig.HasLiveArm);
        var before = clock.Now;
        var wall = Stopwatch.StartNew();
        var report = motion.Execute(Action(1, new BinId(4, 1)));
        Assert.True(report.Succeeded, report.FailureReason);
        Assert.True(clock.Now - before > 1, "the shift's clock followed the motion");
        Assert.True(wall.Elapsed.TotalSeconds >= 0.5 * (clock.Now - before), "the motion took wall time (paced by RTDE packages)");
        Assert.True(motion.Rig.UrControllers["arm"].Ticks > 0);
    }

    [Fact(Timeout = 180_000)]
    public async Task Killing_The_Controller_Mid_Stow_Needs_An_Operator_And_Takes_The_Arm_Down()
    {
        await Task.Yield();
        using var motion = Motion(out _);
        var emulator = motion.Rig!.UrControllers["arm"];
        using var killed = new ManualResetEventSlim(false);
        var killer = Task.Run(() =>
        {
            // Kill the controller once the arm is under way.
            var sw = Stopwatch.StartNew();
            while (emulator.Arm.State.TcpTwist.Linear.Length < 0.05 && sw.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(1);
            }

            emulator.Dispose();
            killed.Set();
        });

        var report = motion.Execute(Action(1, new BinId(4, 1)));
        await killer;

        Assert.True(killed.IsSet);
        Assert.False(report.Succeeded);
        Assert.True(report.NeedsOperator, report.FailureReason);
        Assert.Contains("hardware fault", report.FailureReason, StringComparison.Ordinal);
        var arm = motion.Rig.Hardware.Get<UrArm>("arm");
        Assert.NotEqual(LifecycleState.Active, arm.LifecycleState);
        Assert.Equal("arm", motion.Rig.Hardware.LastFaultedComponent);
    }

    private static StowAction Action(int n, BinId bin) =>
        new(Item(n, 0.18, 0.12, 0.05), bin, [], ItemOrientation.LWH, 0.97, false);

    private static Item Item(int n, double a, double b, double c) =>
        new(new ItemId($"I-{n:D4}"), "box", new ItemDimensions(a, b, c), 0.4, PackagingClass.Box, false, string.Empty, "test");
}
