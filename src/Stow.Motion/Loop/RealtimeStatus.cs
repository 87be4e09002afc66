namespace Stow.Motion.Loop;

/// <summary>
/// What <see cref="RealtimeScheduling.ApplyToCurrentThread"/> obtained for the loop thread, read back from the
/// kernel. Immutable.
/// </summary>
/// <param name="Fifo">The thread runs under <c>SCHED_FIFO</c> (read back with <c>sched_getscheduler</c>).</param>
/// <param name="Priority">Its real-time priority (1–99; 0 under the normal policy).</param>
/// <param name="MemoryLocked">The process's memory is locked (<c>mlockall(MCL_CURRENT | MCL_FUTURE)</c> succeeded).</param>
/// <param name="FifoProblem">Why <c>SCHED_FIFO</c> was not applied (the libc error, or "not asked"); null when it was.</param>
/// <param name="MemoryProblem">Why memory was not locked; null when it was.</param>
public sealed record RealtimeStatus(bool Fifo, int Priority, bool MemoryLocked, string? FifoProblem, string? MemoryProblem)
{
    /// <summary>One line for the log.</summary>
    /// <returns>E.g. <c>SCHED_FIFO 80, memory locked</c>.</returns>
    public string Describe() =>
        (Fifo ? $"SCHED_FIFO {Priority}" : $"normal scheduling ({FifoProblem})")
        + (MemoryLocked ? ", memory locked" : $", memory not locked ({MemoryProblem})");
}
