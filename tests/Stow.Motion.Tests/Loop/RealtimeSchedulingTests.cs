using Stow.Motion.Loop;

namespace Stow.Motion.Tests.Loop;

public class RealtimeSchedulingTests
{
    [Fact(Timeout = 10_000)]
    public async Task The_Reported_Policy_Is_What_The_Kernel_Says_And_A_Refusal_Names_Its_Cause()
    {
        RealtimeStatus? status = null;
        var fifoSeen = false;
        var thread = new Thread(() =>
        {
            status = RealtimeScheduling.ApplyToCurrentThread(10, lockMemory: false);
            fifoSeen = RealtimeScheduling.CurrentThreadIsFifo();
        });
        thread.Start();
        await Task.Run(thread.Join);
        Assert.NotNull(status);
        Assert.Equal(fifoSeen, status.Fifo);
        if (status.Fifo)
        {
            Assert.Equal(10, status.Priority);
            Assert.Null(status.FifoProblem);
        }
        else
        {
            Assert.Contains("sched_setscheduler", status.FifoProblem, StringComparison.Ordinal);
        }

        Assert.False(status.MemoryLocked);
        Assert.Equal("not asked for", status.MemoryProblem);
        Assert.False(RealtimeScheduling.CurrentThreadIsFifo()); // only the thread that asked changed
    }

    [Fact]
    public void Priorities_Outside_0_To_99_Are_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RealtimeScheduling.ApplyToCurrentThread(100, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => RealtimeScheduling.ApplyToCurrentThread(-1, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ControlLoopOptions { FifoPriority = 120 }.Validate());
    }
}
