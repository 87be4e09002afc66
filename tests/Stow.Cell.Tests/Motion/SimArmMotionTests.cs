using Stow.Cell.Shift;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.Operator;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Cell.Tests.Support;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Core.Time;
using Stow.Planning.Candidates;
using Xunit;
using Xunit.Abstractions;

namespace Stow.Cell.Tests.Motion;

public sealed class SimArmMotionTests
{
    private static readonly Lazy<PodType> Fabric40 = new(() => PodTypeLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "pods", "fabric-40.json")));
    private readonly ITestOutputHelper _output;

    public SimArmMotionTests(ITestOutputHelper output) => _output = output;

    [Fact(Timeout = 60_000)]
    public async Task Plain_Stow_Succeeds_And_Advances_The_Virtual_Clock_By_A_Plausible_Time()
    {
        await Task.Yield();
        var (world, clock) = NewWorld(3);
        using var motion = new SimArmMotion(world, clock, new SimArmMotionOptions { Seed = 7 });
        var before = clock.Now;

        var report = motion.Execute(Action(1, new BinId(4, 1), []));

        Assert.True(report.Succeeded, report.FailureReason);
        Assert.Null(report.FailureReason);
        Assert.False(report.NeedsOperator);
        Assert.InRange(report.Duration, 2.0, 12.0);
        Assert.Equal(report.Duration, clock.Now - before, 6);
        Assert.Null(motion.Cell.HeldItem);
        Assert.Null(motion.Cell.EngagedBin);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_Report_Carries_What_The_Belts_And_The_Wrench_Felt_During_The_Feed()
    {
        await Task.Yield();
        var (world, clock) = NewWorld(3);
        using var motion = new SimArmMotion(world, clock);
        motion.InjectBeltJamAt(2);

        var free = motion.Execute(Action(1, new BinId(3, 0), []));
        var jammed = motion.Execute(Action(2, new BinId(3, 1), []));

        // A free feed: belts drawing their feeding current (> the 0.3 A no-load current), no stall.
        Assert.True(free.Succeeded, free.FailureReason);
        var f = Assert.IsType<FeedSensing>(free.Feed);
        Assert.InRange(f.BaselineBeltCurrent, 0.3, f.JamCurrent);
        Assert.True(f.PeakBeltCurrent >= f.BaselineBeltCurrent);
        Assert.False(f.Stalled, $"free feed read as stalled: {f}");
        // The jammed belts draw their stall current (3.5 A, above the 2.5 A jam current): the feed stalled.
        var j = Assert.IsType<FeedSensing>(jammed.Feed);
        Assert.True(j.PeakBeltCurrent >= j.JamCurrent, $"jammed feed: {j}");
        Assert.True(j.Stalled);
    }

    [Fact(Timeout = 60_000)]
    public async Task Injected_Belt_Jam_Needs_An_Operator_And_The_Next_Stow_Succeeds_After_Clearing()
    {
        await Task.Yield();
        var (world, clock) = NewWorld(3);
        using var motion = new SimArmMotion(world, clock);
        motion.InjectBeltJamAt(2);

        var first = motion.Execute(Action(1, new BinId(3, 0), []));
        var jammed = motion.Execute(Action(2, new BinId(3, 1), []));
        var stillJammed = motion.Execute(Action(3, new BinId(3, 2), []));
        motion.ClearFault();
        var after = motion.Execute(Action(4, new BinId(3, 2), []));

        Assert.True(first.Succeeded, first.FailureReason);
        Assert.False(jammed.Succeeded);
        Assert.True(jammed.NeedsOperator);
        Assert.StartsWith("insertion:", jammed.FailureReason, StringComparison.Ordinal);
        Assert.Contains("jam", jammed.FailureReason, StringComparison.Ordinal);
        // The reason names the segment that stopped and the contact force then, for the operator and the log.
        Assert.Matches(@"^insertion: belt jam \(stall\) \(feed, segment \d+, \d+ N\)", jammed.FailureReason);
        Assert.Null(motion.Cell.EngagedBin);
        Assert.True(stillJammed.NeedsOperator, "the jam latches until cleared");
        Assert.True(after.Succeeded, after.FailureReason);
    }

    [Fact(Timeout = 60_000)]
    public async Task Lost_Safety_Heartbeat_Is_A_Safety_Stop_That_Latches_Until_Cleared()
    {
        await Task.Yield();
        var (world, clock) = NewWorld(3);
        using var motion = new SimArmMotion(world, clock);
        motion.InjectHeartbeatLossAt(2);

        var first = motion.Execute(Action(1, new BinId(3, 0), []));
        var lost = motion.Execute(Action(2, new BinId(3, 1), []));
        var stillLost = motion.Execute(Action(3, new BinId(3, 2), []));
        motion.ClearFault();
        var after = motion.Execute(Action(4, new BinId(3, 2), []));

        Assert.True(first.Succeeded, first.FailureReason);
        Assert.False(lost.Succeeded);
        Assert.True(lost.SafetyStop, lost.FailureReason);
        Assert.True(lost.NeedsOperator);
        Assert.Contains("safety heartbeat lost", lost.FailureReason, StringComparison.Ordinal);
        Assert.True(stillLost.SafetyStop, "no motion while the heartbeat stays lost");
        Assert.True(after.Succeeded, after.FailureReason);
        Assert.False(after.SafetyStop);
    }

    [Fact(Timeout = 120_000)]
    public async Task Same_Seed_Gives_The_Same_Durations()
    {
        await Task.Yield();
        var a = Durations(11);
        var b = Durations(11);

        Assert.Equal(a, b);
    }

    [Theory(Timeout = 120_000)]
    [InlineData(0.3, true)]
    [InlineData(0.3, false)]
    public async Task Every_Chain_Stays_Within_The_Stow_Time_Budget(double prefill, bool itemContact)
    {
        await Task.Yield();
        Primitive[][] chains = [[], [Primitive.SweepLeft], [Primitive.SweepRight], [Primitive.Flip], [Primitive.Stack], [Primitive.Slot], [Primitive.SweepLeft, Primitive.Slot]];
        var (world, clock) = NewWorld(5, prefill);
        // The budget is the stow sequence's, from the arm standing with the item; the pick from the induct is timed on its own.
        using var motion = new SimArmMotion(world, clock, new SimArmMotionOptions { ItemContact = itemContact, InductPose = null });
        var n = 0;
        foreach (var chain in chains)
        {
            var times = new List<double>();
            var failures = new List<string>();
            for (var row = 0; row < 10; row += 3)
            {
                for (var col = 0; col < 4; col += 3)
                {
                    var r = motion.Execute(Action(++n, new BinId(row, col), chain));
                    times.Add(r.Duration);
                    if (!r.Succeeded)
                    {
                        failures.Add(r.FailureReason ?? "?");
                    }
                }
            }

            var text = chain.Length == 0 ? "None" : string.Join('+', chain);
            _output.WriteLine($"prefill {prefill} items {itemContact}: {text}: mean {times.Average():F2} s, min {times.Min():F2}, max {times.Max():F2}; failures {failures.Count}: {string.Join(", ", failures)}");
            Assert.InRange(times.Average(), 1.0, 12.0);
        }

        var stats = motion.LoopStatistics;
        _output.WriteLine($"cycles {stats.Cycles}, jitter p99 {motion.JitterP99Ms:F4} ms, body mean {stats.MeanBody * 1e6:F1} us max {stats.MaxBody * 1e6:F1} us, samples {motion.JitterSamplesMs().Count}");
    }

    [Fact(Timeout = 60_000)]
    public async Task The_Pick_From_The_Induct_Is_Timed_As_A_Transit_Move_Before_Each_Stow()
    {
        await Task.Yield();
        var induct = Stow.Core.Geometry.Pose.At(-0.6, -0.3, 0.8);
        var (w1, c1) = NewWorld(5);
        var (w2, c2) = NewWorld(5);
        using var withPick = new SimArmMotion(w1, c1, new SimArmMotionOptions { InductPose = induct });
        using var withoutPick = new SimArmMotion(w2, c2, new SimArmMotionOptions { InductPose = null });
        var bin = new BinId(9, 3); // a top bin: far from the induct
        var spec = Fabric40.Value[bin];

        // The second stow into the same bin: without a pick the arm is already in front of it; with one it goes to the
        // induct and back.
        withPick.Execute(Action(1, bin, []));
        withoutPick.Execute(Action(1, bin, []));
        var picked = withPick.Execute(Action(2, bin, []));
        var placed = withoutPick.Execute(Action(2, bin, []));

        Assert.True(picked.Succeeded, picked.FailureReason);
        Assert.True(placed.Succeeded, placed.FailureReason);
        // The round trip between the bin's approach pose and the induct comes on top: at least one straight run at transit speed.
        var approach = Stow.Motion.Primitives.BinPoses.Approach(spec, withPick.Options.Limits.Standoff).Position;
        var distance = (approach - induct.Position).Length;
        Assert.True(picked.Duration - placed.Duration >= distance / withPick.Options.Limits.TransitSpeed,
            $"with the pick {picked.Duration:F2} s, without {placed.Duration:F2} s, induct to bin {distance:F2} m");
    }

    [Fact(Timeout = 60_000)]
    public async Task Clear_Fault_Frees_An_Arm_Left_Stuck_In_An_Item_And_The_Next_Stow_Succeeds()
    {
        await Task.Yield();
        var (world, clock) = NewWorld(5);

        // A stack searching at the tuned contact speed (0.1 m/s) overshoots the contents by ~4 mm and leaves the arm
        // pressed into an item past the force limit (the fault the search speed now avoids): the fault to clear.
        using var motion = new SimArmMotion(world, clock, new SimArmMotionOptions { Limits = SimArmMotionOptions.TunedLimits with { SearchSpeed = 0.1 } });
        MotionReport? stuck = null;
        for (var row = 0; row < 10 && stuck is null; row++)
        {
            for (var col = 0; col < 4 && stuck is null; col++)
            {
                var r = motion.Execute(Action((row * 4) + col + 1, new BinId(row, col), [Primitive.Stack]));
                stuck = r.FailureReason?.Contains("recovery", StringComparison.Ordinal) == true ? r : null;
            }
        }

        Assert.NotNull(stuck);
        Assert.True(stuck.NeedsOperator);
        motion.ClearFault();
        var after = motion.Execute(Action(99, new BinId(9, 3), []));

        Assert.True(after.Succeeded, after.FailureReason);
    }

    private static double[] Durations(int seed)
    {
        var (world, clock) = NewWorld(seed);
        using var motion = new SimArmMotion(world, clock, new SimArmMotionOptions { Seed = seed });
        return
        [
            motion.Execute(Action(1, new BinId(2, 1), [])).Duration,
            motion.Execute(Action(2, new BinId(5, 2), [Primitive.SweepLeft])).Duration,
            motion.Execute(Action(3, new BinId(8, 0), [Primitive.Flip])).Duration,
        ];
    }

    private static (SimShiftWorld World, VirtualClock Clock) NewWorld(int seed, double prefillMax = 0.3)
    {
        Item[] prefill = [Item(100, 0.15, 0.10, 0.05), Item(101, 0.20, 0.12, 0.08), Item(102, 0.10, 0.08, 0.04)];
        return (new SimShiftWorld(Fabric40.Value, prefill, prefillMax, seed), new VirtualClock());
    }

    private static StowAction Action(int n, BinId bin, Primitive[] chain) =>
        new(Item(n, 0.18, 0.12, 0.05), bin, chain, ItemOrientation.LWH, 0.97, false);

    private static Item Item(int n, double a, double b, double c) =>
        new(new ItemId($"I-{n:D4}"), "box", new ItemDimensions(a, b, c), 0.4, PackagingClass.Box, false, string.Empty, "test");
}
