namespace Stow.Motion.Loop;

/// <summary>
/// CPU time consumed by the calling thread (<c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, user + system), to
/// measure what share of a core the control-loop thread uses. No allocation. Linux only.
/// </summary>
public static class ThreadCpuClock
{
    /// <summary>CPU time used by the calling thread since it started [s].</summary>
    /// <returns>Seconds of CPU time.</returns>
    /// <exception cref="PlatformNotSupportedException">Not Linux.</exception>
    public static double CurrentThreadSeconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("thread CPU time is read with clock_gettime(CLOCK_THREAD_CPUTIME_ID) on Linux only");
        }

        return LibC.NowNanoseconds(LibC.ClockThreadCpuTime) * 1e-9;
    }
}
