using System.Runtime.InteropServices;

namespace Stow.Motion.Loop;

/// <summary>
/// Puts the calling thread under <c>SCHED_FIFO</c> and locks the process's memory, where the process is permitted
/// to (root, <c>CAP_SYS_NICE</c>/<c>CAP_IPC_LOCK</c>, or systemd's <c>LimitRTPRIO</c>/<c>LimitMEMLOCK</c>), as
/// ros2_control's <c>ros2_control_node</c> does for its loop thread (realtime_tools <c>configure_sched_fifo</c>,
/// <c>lock_memory</c>). Nothing throws: what was not permitted is reported in the returned
/// <see cref="RealtimeStatus"/> for the caller to log. Call it once on the loop thread before the first cycle.
/// </summary>
public static class RealtimeScheduling
{
    /// <summary>Applies <c>SCHED_FIFO</c> at <paramref name="fifoPriority"/> to the calling thread and, when
    /// <paramref name="lockMemory"/>, <c>mlockall(MCL_CURRENT | MCL_FUTURE)</c> to the process.
    /// <para>Memory is locked only when <c>RLIMIT_MEMLOCK</c> is unlimited or the process runs as root: under a
    /// finite limit, <c>MCL_FUTURE</c> would make the runtime's later heap and stack mappings fail once the limit
    /// is reached.</para></summary>
    /// <param name="fifoPriority">1–99; 0 leaves the thread under the normal policy.</param>
    /// <param name="lockMemory">Whether to lock the process's memory.</param>
    /// <returns>What the kernel reports afterwards.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The priority is outside 0–99.</exception>
    public static unsafe RealtimeStatus ApplyToCurrentThread(int fifoPriority, bool lockMemory)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fifoPriority);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fifoPriority, 99);
        if (!OperatingSystem.IsLinux())
        {
            return new RealtimeStatus(false, 0, false, "not Linux", "not Linux");
        }

        string? fifoProblem = "not asked for";
        if (fifoPriority > 0)
        {
            var p = new LibC.SchedParam { Priority = fifoPriority };
            fifoProblem = LibC.SchedSetScheduler(0, LibC.SchedFifo, &p) == 0
                ? null
                : $"sched_setscheduler(SCHED_FIFO, {fifoPriority}): {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
        }

        string? memoryProblem = "not asked for";
        if (lockMemory)
        {
            LibC.RLimit limit;
            _ = LibC.GetRLimit(LibC.RLimitMemLock, &limit);
            if (limit.Current != LibC.RLimInfinity && LibC.GetEUid() != 0)
            {
                memoryProblem = $"RLIMIT_MEMLOCK is {limit.Current} bytes and the process is not root (set LimitMEMLOCK=infinity)";
            }
            else
            {
                memoryProblem = LibC.MLockAll(LibC.McCurrent | LibC.McFuture) == 0
                    ? null
                    : $"mlockall: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
            }
        }

        var policy = LibC.SchedGetScheduler(0);
        LibC.SchedParam now;
        _ = LibC.SchedGetParam(0, &now);
        var fifo = policy == LibC.SchedFifo;
        return new RealtimeStatus(fifo, fifo ? now.Priority : 0, memoryProblem is null, fifo ? null : fifoProblem ?? "policy read back is not SCHED_FIFO", memoryProblem);
    }

    /// <summary>Whether the calling thread runs under <c>SCHED_FIFO</c>, read from the kernel.</summary>
    /// <returns>True under <c>SCHED_FIFO</c>; false otherwise or when not on Linux.</returns>
    public static bool CurrentThreadIsFifo() => OperatingSystem.IsLinux() && LibC.SchedGetScheduler(0) == LibC.SchedFifo;
}
