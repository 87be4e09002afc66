using Stow.Motion.Loop;
using Stow.Motion.Tests.Support;

namespace Stow.Motion.Tests.Loop;

public class PeriodicPacerTests
{
    private const long Ms = 1_000_000;

    [Fact(Timeout = 10_000)]
    public async Task Deadlines_Are_Absolute_So_Late_Wakes_And_Body_Time_Do_Not_Drift_The_Grid()
    {
        await Task.Run(() =>
        {
            var timer = new ScriptedDeadlineTimer { Lateness = 300_000 };
            var pacer = new PeriodicPacer(timer);
            var t0 = timer.Now;
            pacer.Begin(0.001);
            for (var k = 1; k <= 100; k++)
            {
                Assert.Equal(LoopWake.OnTime, pacer.WaitForNextCycle());
                timer.Advance(200_000); // the body
            }

            // A relative sleep of one period after each late wake would have drifted by 100 × 0.5 ms.
            Assert.Equal(Enumerable.Range(1, 100).Select(k => t0 + (k * Ms)), timer.Deadlines);
            Assert.Equal(0, pacer.Overruns);
            var latency = pacer.WakeLatency.Snapshot();
            Assert.Equal(100, latency.Count);
            Assert.Equal(300e-6, latency.P50, 9);
            Assert.Equal(300e-6, latency.Max, 9);
        });
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Wake_Past_The_Next_Deadline_Is_An_Overrun_That_Skips_Missed_Deadlines_And_Keeps_The_Phase()
    {
        await Task.Run(() =>
        {
            var timer = new ScriptedDeadlineTimer();
            var pacer = new PeriodicPacer(timer);
            var t0 = timer.Now;
            pacer.Begin(0.001);
            Assert.Equal(LoopWake.OnTime, pacer.WaitForNextCycle());
            Assert.Equal(LoopWake.OnTime, pacer.WaitForNextCycle());
            timer.NextLateness = 2_500_000; // deadline 3 at t0 + 3 ms, woken at t0 + 5.5 ms
            Assert.Equal(LoopWake.Late, pacer.WaitForNextCycle());
            Assert.Equal(1, pacer.Overruns);
            Assert.Equal(2, pacer.MissedDeadlines); // t0 + 4 ms and t0 + 5 ms passed without a cycle
            Assert.Equal(LoopWake.OnTime, pacer.WaitForNextCycle());
            Assert.Equal(t0 + (6 * Ms), pacer.LastDeadlineNanoseconds);
            Assert.Equal(new[] { t0 + Ms, t0 + (2 * Ms), t0 + (3 * Ms), t0 + (6 * Ms) }, timer.Deadlines);
            Assert.Equal(2.5e-3, pacer.WakeLatency.Snapshot().Max, 9);
        });
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Body_Longer_Than_A_Period_Makes_The_Next_Wake_Late()
    {
        await Task.Run(() =>
        {
            var timer = new ScriptedDeadlineTimer();
            var pacer = new PeriodicPacer(timer);
            var t0 = timer.Now;
            pacer.Begin(0.002);
            Assert.Equal(LoopWake.OnTime, pacer.WaitForNextCycle());
            timer.Advance(3 * Ms); // body of 3 ms at 500 Hz: the deadline at t0 + 4 ms has passed on return
            Assert.Equal(LoopWake.OnTime, pacer.WaitForNextCycle()); // t0 + 4 ms, woken at t0 + 5 ms: before t0 + 6 ms
            timer.Advance(5 * Ms); // now t0 + 10 ms: woken for 6 ms after 8 and 10 ms passed
            Assert.Equal(LoopWake.Late, pacer.WaitForNextCycle());
            Assert.Equal(t0 + (6 * Ms), pacer.LastDeadlineNanoseconds);
            Assert.Equal(2, pacer.MissedDeadlines);
            Assert.Equal(LoopWake.OnTime, pacer.WaitForNextCycle());
            Assert.Equal(t0 + (12 * Ms), pacer.LastDeadlineNanoseconds);
        });
    }

    [Fact(Timeout = 10_000)]
    public async Task With_A_Spin_It_Sleeps_To_Just_Before_The_Deadline_And_Returns_At_It()
    {
        await Task.Run(() =>
        {
            var timer = new ScriptedDeadlineTimer { ReadCost = 1_000 };
            var pacer = new PeriodicPacer(timer) { SpinBefore = 50e-6 };
            var t0 = timer.Now;
            pacer.Begin(0.001);
            for (var k = 1; k <= 3; k++)
            {
                Assert.Equal(LoopWake.OnTime, pacer.WaitForNextCycle());
                Assert.Equal(t0 + (k * Ms), pacer.LastDeadlineNanoseconds);
                Assert.InRange(pacer.LastWakeNanoseconds, pacer.LastDeadlineNanoseconds, pacer.LastDeadlineNanoseconds + 1_000);
            }

            Assert.Equal(new[] { t0 + Ms - 50_000, t0 + (2 * Ms) - 50_000, t0 + (3 * Ms) - 50_000 }, timer.Deadlines);
        });
    }

    [Fact(Timeout = 30_000)]
    public async Task On_The_Monotonic_Clock_Every_Wake_Is_At_Or_After_Its_Deadline_On_The_Absolute_Grid()
    {
        await Task.Run(() =>
        {
            var pacer = new PeriodicPacer();
            pacer.Begin(0.001);
            var previous = 0L;
            var skipped = 0L;
            for (var i = 0; i < 200; i++)
            {
                var missedTotal = pacer.MissedDeadlines;
                var wake = pacer.WaitForNextCycle();
                Assert.NotEqual(LoopWake.TimedOut, wake);
                Assert.True(pacer.LastWakeNanoseconds >= pacer.LastDeadlineNanoseconds, "a wake before its deadline");
                if (i > 0)
                {
                    // The next deadline is one period on, plus the periods the previous late wake skipped: no drift.
                    Assert.Equal((1 + skipped) * pacer.PeriodNanoseconds, pacer.LastDeadlineNanoseconds - previous);
                }

                skipped = pacer.MissedDeadlines - missedTotal;
                Assert.Equal(wake == LoopWake.Late, skipped > 0);
                previous = pacer.LastDeadlineNanoseconds;
            }

            Assert.Equal(200, pacer.WakeLatency.Count);
        });
    }

    [Fact]
    public void A_Negative_Spin_Or_A_Spin_Not_Shorter_Than_The_Period_Is_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PeriodicPacer(new ScriptedDeadlineTimer()) { SpinBefore = -1e-6 });
        var pacer = new PeriodicPacer(new ScriptedDeadlineTimer()) { SpinBefore = 0.002 };
        Assert.Throws<ArgumentOutOfRangeException>(() => pacer.Begin(0.001));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PeriodicPacer(new ScriptedDeadlineTimer()).Begin(0));
    }
}
