namespace Stow.Motion.Loop;

using System.Runtime.InteropServices;

/// <summary>
/// The libc clock, scheduling and memory-locking calls behind the wall-clock pacer (glibc, Linux x86-64 and
/// AArch64, where <c>struct timespec</c> is two 64-bit fields and these constants are the same: time.h,
/// sched.h, sys/mman.h, sys/resource.h). Nothing here allocates.
/// </summary>
internal static unsafe partial class LibC
{
    public const int ClockMonotonic = 1;
    public const int ClockThreadCpuTime = 3;
    public const int TimerAbsTime = 1;
    public const int SchedOther = 0;
    public const int SchedFifo = 1;
    public const int McCurrent = 1;
    public const int McFuture = 2;
    public const int RLimitMemLock = 8;
    public const ulong RLimInfinity = ulong.MaxValue;
    public const int EIntr = 4;

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    public static partial int ClockGetTime(int clockId, TimeSpec* time);

    /// <summary>Returns 0 or the error number itself (not errno), as POSIX specifies for clock_nanosleep.</summary>
    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    public static partial int ClockNanosleep(int clockId, int flags, TimeSpec* request, TimeSpec* remain);

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    public static partial int SchedSetScheduler(int pid, int policy, SchedParam* param);

    [LibraryImport("libc", EntryPoint = "sched_getscheduler", SetLastError = true)]
    public static partial int SchedGetScheduler(int pid);

    [LibraryImport("libc", EntryPoint = "sched_getparam", SetLastError = true)]
    public static partial int SchedGetParam(int pid, SchedParam* param);

    [LibraryImport("libc", EntryPoint = "mlockall", SetLastError = true)]
    public static partial int MLockAll(int flags);

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    public static partial int GetRLimit(int resource, RLimit* limit);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEUid();

    /// <summary>Reads <paramref name="clockId"/> in nanoseconds.</summary>
    public static long NowNanoseconds(int clockId)
    {
        TimeSpec t;
        _ = ClockGetTime(clockId, &t);
        return (t.Seconds * 1_000_000_000L) + t.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct SchedParam
    {
        public int Priority;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
