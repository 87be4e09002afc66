using System.Diagnostics;
using Stow.Core.Geometry;
using Stow.Core.Space;
using Stow.Core.Time;
using Stow.Motion.Loop;
using Stow.Motion.Primitives;
using Stow.Motion.Tests.Support;
using Stow.Sim.Devices;
using Stow.Sim.Devices.Contact;

namespace Stow.Motion.Tests.Loop;

public class ControlLoopTests
{
    [Fact]
    public void A_Cycle_Allocates_Nothing_While_A_Sweep_Runs()
    {
        var bin = SimRig.TestBin();
        var geometry = StaticContactGeometry.ForBin(bin);
        geometry.AddItem(new Box3(new Vec3(0.05, 0.06, 0), new Vec3(0.25, 0.12, 0.15)), 0.3);
        var rig = new SimRig(geometry: geometry, bin: bin);
        var sweep = new SweepAction(bin, new PrimitiveStep(Primitive.SweepLeft, 0.03, 0.06, 0.12), PrimitiveLimits.Default);
        Assert.True(rig.Runner.Start(sweep));
        rig.Loop.RunCycles(2500); // warm up: JIT, tiered compilation, the sweep is pushing the box by now
        Assert.Equal(ActionStatus.Running, rig.Runner.Poll().Status);

        var before = GC.GetAllocatedBytesForCurrentThread();
        rig.Loop.RunCycles(1000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(ActionStatus.Running, rig.Runner.Poll().Status);
    }

    [Fact]
    public void Virtual_Clock_Pacing_Advances_One_Period_Per_Cycle()
    {
        var rig = new SimRig();
        var t0 = rig.Clock.Now;
        rig.Loop.RunCycles(1000);
        Assert.Equal(1.0, rig.Clock.Now - t0, 9);
        var s = rig.Loop.Statistics.Snapshot();
        Assert.Equal(1005, s.Cycles);
        Assert.Equal(0.001, s.MeanPeriod, 9);
        Assert.True(s.JitterP999 <= CycleStatistics.BinWidth);
    }

    [Fact]
    public void Statistics_Give_Jitter_Percentiles_From_The_Histogram()
    {
        var stats = new CycleStatistics(0.001);
        stats.Record(0, 0.0001); // first cycle: no period yet
        for (var i = 0; i < 1000; i++)
        {
            // 990 on time, 9 late by 50 µs, 1 late by 2 ms (and an overrun).
            var period = i < 990 ? 0.001 : i < 999 ? 0.00105 : 0.003;
            stats.Record(period, i == 999 ? 0.0015 : 0.0002);
        }

        var s = stats.Snapshot();
        Assert.Equal(1001, s.Cycles);
        Assert.Equal(1, s.Overruns);
        Assert.InRange(s.JitterP50, 0, 2e-6);
        Assert.InRange(s.JitterP99, 0, 2e-6);
        Assert.InRange(s.JitterP999, 49e-6, 52e-6);
        Assert.Equal(0.003, s.MaxPeriod, 9);
        Assert.Equal(0.001, s.MinPeriod, 9);
    }

    [Fact]
    public void Wall_Clock_Loop_Runs_On_Its_Own_Thread_At_The_Configured_Rate()
    {
        var cell = new SimCell(1);
        var hardware = SimHardware.BuildManager(SimHardware.DefaultConfigJson, cell);
        Assert.True(hardware.Bringup().Succeeded);
        var pacer = new PeriodicPacer();
        using var loop = new ControlLoop(hardware, new SystemClock(), pacer, new ControlLoopOptions { RateHz = 500, LockMemory = false });
        loop.Start();
        var done = SpinWait.SpinUntil(() => loop.Statistics.Cycles >= 100, TimeSpan.FromSeconds(10));
        Assert.True(loop.Stop(TimeSpan.FromSeconds(2)));
        Assert.True(done, "100 cycles within the deadline");
        var s = loop.Statistics.Snapshot();
        // Cycles run on the 2 ms grid: every deadline from the first to the last either ran a cycle or was missed.
        Assert.Equal(0.002, pacer.PeriodNanoseconds * 1e-9, 12);
        Assert.Equal(s.Cycles, pacer.WakeLatency.Count);
        Assert.Equal(s.LateWakes, pacer.Overruns);
        Assert.True(s.JitterP50 <= s.JitterP99 && s.JitterP99 <= s.JitterP999);
        Assert.Equal(0, s.TimedOutWakes);

        // The thread asked for SCHED_FIFO 50 and reports what it got, with the reason when refused.
        var realtime = loop.Realtime;
        Assert.NotNull(realtime);
        Assert.Equal(realtime.Fifo ? 50 : 0, realtime.Priority);
        Assert.Equal(realtime.Fifo, realtime.FifoProblem is null);
        Assert.Equal("not asked for", realtime.MemoryProblem);
    }

    [Fact]
    public void A_Garbage_Collection_During_The_Body_Is_Counted()
    {
        var collector = new CollectOnCycle(3);
        var hardware = SimHardware.BuildManager(SimHardware.DefaultConfigJson, new SimCell(1));
        Assert.True(hardware.Bringup().Succeeded);
        var clock = new VirtualClock();
        var loop = new ControlLoop(hardware, clock, new VirtualClockPacer(clock), new ControlLoopOptions());
        loop.Add(collector);
        loop.RunCycles(10);
        // At least the induced one (tests running in parallel may add a collection of their own).
        Assert.InRange(loop.Statistics.Snapshot().CyclesWithGc, 1, 10);
    }

    private sealed class CollectOnCycle(int cycle) : IController
    {
        private int _n;

        public void Update(double time, double period)
        {
            if (++_n == cycle)
            {
                GC.Collect();
            }
        }
    }

    [Fact]
    public void Rates_Outside_500_To_1000_Hz_Are_Refused()
    {
        var hardware = SimHardware.BuildManager(SimHardware.DefaultConfigJson, new SimCell(1));
        var clock = new VirtualClock();
        Assert.Throws<ArgumentOutOfRangeException>(() => new ControlLoop(hardware, clock, new VirtualClockPacer(clock), new ControlLoopOptions { RateHz = 2000 }));
    }
}
