namespace Stow.Motion.Loop;

/// <summary>
/// <see cref="IDeadlineTimer"/> on Linux's <c>CLOCK_MONOTONIC</c>: <c>clock_gettime</c> to read it and
/// <c>clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)</c> to sleep to an absolute deadline, as cyclictest
/// (rt-tests, <c>src/cyclictest/cyclictest.c</c>) and ros2_control's <c>ros2_control_node</c> do. An absolute
/// deadline cannot drift: time spent in the cycle, or a late wake-up, does not shift the next deadline.
/// Interrupted sleeps (<c>EINTR</c>) are resumed. Threading: any thread; stateless.
/// </summary>
public sealed class MonotonicTimer : IDeadlineTimer
{
    /// <summary>Creates the timer.</summary>
    /// <exception cref="PlatformNotSupportedException">Not Linux.</exception>
    public MonotonicTimer()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("MonotonicTimer uses clock_nanosleep(CLOCK_MONOTONIC) and runs on Linux only");
        }
    }

    /// <inheritdoc/>
    public long NowNanoseconds() => LibC.NowNanoseconds(LibC.ClockMonotonic);

    /// <inheritdoc/>
    public unsafe void SleepUntil(long deadlineNanoseconds)
    {
        var t = new LibC.TimeSpec
        {
            Seconds = deadlineNanoseconds / 1_000_000_000L,
            Nanoseconds = deadlineNanoseconds % 1_000_000_000L,
        };
        while (LibC.ClockNanosleep(LibC.ClockMonotonic, LibC.TimerAbsTime, &t, null) == LibC.EIntr)
        {
            // A signal interrupted the sleep: the deadline is absolute, so sleeping again is exact.
        }
    }
}
