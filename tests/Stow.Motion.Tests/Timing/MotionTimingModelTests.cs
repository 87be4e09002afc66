using System.Diagnostics;
using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Space;
using Stow.Motion.Primitives;
using Stow.Motion.Tests.Support;
using Stow.Motion.Timing;
using Xunit.Abstractions;

namespace Stow.Motion.Tests.Timing;

public class MotionTimingModelTests(ITestOutputHelper output)
{
    [Fact]
    public void Trapezoid_And_Triangle_Profiles_Give_The_Textbook_Times()
    {
        var model = MotionTimingModel.UR5e;
        Assert.Equal(2 * Math.Sqrt(0.3 / 1.2), model.MoveTime(0.3), 12);
        Assert.Equal((2.0 / 1.0) + (1.0 / 1.2), model.MoveTime(2.0), 12);
        Assert.Equal((0.5 / 0.25) + (0.25 / 1.2), model.MoveTime(0.5, 0.25), 12);
        Assert.Equal(1800, MotionTimingModel.UnitsPerHour(2), 9);
    }

    [Fact]
    public void The_Simulated_Arm_Moves_In_The_Time_The_Model_Predicts()
    {
        var rig = new SimRig();
        var start = rig.Arm.State.TcpPose;
        var target = new Pose(start.Position - new Vec3(0.6, 0, 0), start.Orientation); // away from the pod
        rig.Arm.CommandPose(target);
        var t0 = rig.Clock.Now;
        rig.Loop.RunUntil(() => (rig.Arm.State.TcpPose.Position - target.Position).Length < 0.001, 5000);
        var simulated = rig.Clock.Now - t0;
        var predicted = MotionTimingModel.UR5e.MoveTime(0.6);
        output.WriteLine($"0.6 m move: simulated {simulated:F3} s, model {predicted:F3} s");
        Assert.InRange(simulated, predicted - 0.1, predicted + 0.2);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_Simulated_Stow_Runs_On_Simulated_Time_Alone()
    {
        await Task.Yield();
        RunStow(out _, out _); // warm-up: JIT and tiered compilation
        var watch = Stopwatch.StartNew();
        RunStow(out var simulated, out var cycles);
        watch.Stop();
        output.WriteLine($"stow: {simulated:F2} s simulated ({cycles} cycles) in {watch.Elapsed.TotalMilliseconds:F0} ms wall ({simulated / watch.Elapsed.TotalSeconds:F0}x), {MotionTimingModel.UnitsPerHour(simulated):F0} UPH (motion only)");

        // The loop on the virtual clock advances time by exactly one period per cycle and never waits for the wall
        // clock: the stow's duration is its cycle count times the period, whatever the machine's load. (How much
        // faster than real time that runs is a benchmark's question: bench/Stow.Bench/Motion/StowSequenceBenchmarks.)
        Assert.True(cycles > 1000, $"a stow takes seconds of simulated time, got {cycles} cycles");
        Assert.Equal(cycles * 0.001, simulated, 6);
    }

    private static void RunStow(out double simulated, out long cycles)
    {
        var rig = new SimRig();
        rig.Eoat.LoadItem(0.15, 0.08, 0.4);
        var plan = new StowPlan(new ItemId("X"), new ItemDimensions(0.15, 0.08, 0.05), 0.4, rig.Bin,
            [new PrimitiveStep(Primitive.SweepLeft, 0.03, 0.06, 0.1)], InsertY: 0.1);
        var t0 = rig.Clock.Now;
        var n0 = rig.Loop.Statistics.Cycles;
        Assert.True(rig.Runner.Start(StowSequence.Create(plan)));
        rig.Loop.RunUntil(() => rig.Runner.Poll().IsDone, 60_000);
        Assert.Equal(ActionResult.Succeeded, rig.Runner.Poll());
        simulated = rig.Clock.Now - t0;
        cycles = rig.Loop.Statistics.Cycles - n0;
    }
}
