namespace Stow.Motion.Loop;

/// <summary>
/// A monotonic clock that can sleep until an absolute deadline: the seam between <see cref="PeriodicPacer"/>
/// and the operating system (<see cref="MonotonicTimer"/>: <c>clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)</c>),
/// so tests can script late wake-ups. Times are integer nanoseconds on the timer's own monotonic epoch.
/// <para>Threading: called from the loop thread only. Neither member allocates.</para>
/// </summary>
public interface IDeadlineTimer
{
    /// <summary>Current monotonic time [ns].</summary>
    /// <returns>Nanoseconds since the timer's epoch; never decreases.</returns>
    long NowNanoseconds();

    /// <summary>Blocks until the monotonic time is at or past <paramref name="deadlineNanoseconds"/>; returns at
    /// once when it already is. Never returns early.</summary>
    /// <param name="deadlineNanoseconds">Absolute deadline [ns] on the same epoch as <see cref="NowNanoseconds"/>.</param>
    void SleepUntil(long deadlineNanoseconds);
}
