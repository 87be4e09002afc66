using System.Diagnostics;
using Stow.Core.Time;
using Stow.Motion.Loop;
using Stow.Sim.Devices;

namespace Stow.Motion.Tests.Loop;

public class SignalPacerTests
{
    [Fact(Timeout = 10_000)]
    public async Task Without_A_Signal_The_Wait_Times_Out_And_Not_Before_The_Timeout()
    {
        await Task.Run(() =>
        {
            var pacer = new SignalPacer(TimeSpan.FromMilliseconds(5));
            pacer.Begin(0.002);
            var t0 = Stopwatch.GetTimestamp();
            Assert.Equal(LoopWake.TimedOut, pacer.WaitForNextCycle());
            Assert.True(Stopwatch.GetElapsedTime(t0) >= pacer.Timeout, "returned before the timeout");
            Assert.Equal(LoopWake.TimedOut, pacer.WaitForNextCycle());
            Assert.Equal(2, pacer.Timeouts);
            Assert.Equal(0, pacer.WakeLatency.Count);
        });
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Signal_From_Another_Thread_Wakes_The_Waiting_Loop()
    {
        var pacer = new SignalPacer(TimeSpan.FromSeconds(30));
        pacer.Begin(0.002);
        var waiting = Task.Run(pacer.WaitForNextCycle);
        pacer.Signal();
        Assert.Equal(LoopWake.OnTime, await waiting);
        Assert.Equal(0, pacer.Timeouts);
        Assert.Equal(1, pacer.WakeLatency.Count);
    }

    [Fact(Timeout = 10_000)]
    public async Task Signals_That_Arrive_During_A_Cycle_Are_Coalesced_Into_One_Late_Wake()
    {
        await Task.Run(() =>
        {
            var pacer = new SignalPacer(TimeSpan.FromMilliseconds(2));
            pacer.Begin(0.002);
            pacer.Signal();
            pacer.Signal();
            pacer.Signal();
            Assert.Equal(LoopWake.Late, pacer.WaitForNextCycle());
            Assert.Equal(2, pacer.MissedSignals);
            Assert.Equal(LoopWake.TimedOut, pacer.WaitForNextCycle()); // nothing left over
            pacer.Signal();
            Assert.Equal(LoopWake.OnTime, pacer.WaitForNextCycle());
            Assert.Equal(4, pacer.Signals);
        });
    }

    [Fact(Timeout = 10_000)]
    public async Task Waiting_And_Signalling_Allocate_Nothing_On_A_Dedicated_Loop_Thread()
    {
        // A dedicated thread, as the control loop has (a thread-pool thread's blocking wait notifies the pool).
        long signalled = -1, timedOut = -1;
        var thread = new Thread(() =>
        {
            var pacer = new SignalPacer(TimeSpan.FromMilliseconds(1));
            pacer.Begin(0.002);
            for (var i = 0; i < 100; i++)
            {
                pacer.Signal();
                pacer.WaitForNextCycle();
                pacer.WaitForNextCycle();
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                pacer.Signal();
                pacer.WaitForNextCycle();
            }

            var mid = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 20; i++)
            {
                pacer.WaitForNextCycle();
            }

            signalled = mid - before;
            timedOut = GC.GetAllocatedBytesForCurrentThread() - mid;
        });
        thread.Start();
        await Task.Run(thread.Join);
        Assert.Equal(0, signalled);
        Assert.Equal(0, timedOut);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_Loop_Paced_By_Signals_Runs_One_Cycle_Per_Signal_And_Keeps_Cycling_On_Timeouts()
    {
        var hardware = SimHardware.BuildManager(SimHardware.DefaultConfigJson, new SimCell(1));
        Assert.True(hardware.Bringup().Succeeded);
        var pacer = new SignalPacer(TimeSpan.FromMilliseconds(4));
        using var loop = new ControlLoop(hardware, new SystemClock(), pacer, new ControlLoopOptions { RateHz = 500, FifoPriority = 0, LockMemory = false });
        loop.Start();
        await Task.Run(() =>
        {
            // With no RTDE packages the loop still cycles, on timeouts.
            Assert.True(SpinWait.SpinUntil(() => loop.Statistics.Snapshot().TimedOutWakes >= 3, TimeSpan.FromSeconds(10)), "timed-out cycles");
            for (var i = 1; i <= 20; i++)
            {
                var signalledBefore = Signalled(loop);
                pacer.Signal();
                Assert.True(SpinWait.SpinUntil(() => Signalled(loop) > signalledBefore, TimeSpan.FromSeconds(10)), $"cycle for signal {i}");
            }
        });
        Assert.True(loop.Stop(TimeSpan.FromSeconds(5)));
        Assert.Equal(20, Signalled(loop));
        Assert.Equal(pacer.Timeouts, loop.Statistics.Snapshot().TimedOutWakes);
        Assert.Equal(0, pacer.MissedSignals);
    }

    [Fact]
    public void A_Timeout_That_Is_Not_Positive_Is_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SignalPacer(TimeSpan.Zero));

    private static long Signalled(ControlLoop loop)
    {
        var s = loop.Statistics.Snapshot();
        return s.Cycles - s.TimedOutWakes;
    }
}
