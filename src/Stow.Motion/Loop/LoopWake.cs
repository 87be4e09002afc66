namespace Stow.Motion.Loop;

/// <summary>How a pacer's wait for the next cycle ended (<see cref="ILoopPacer.WaitForNextCycle"/>).</summary>
public enum LoopWake
{
    /// <summary>The cycle is due and no deadline (or external signal) was missed since the last one.</summary>
    OnTime,

    /// <summary>The cycle is due but one or more earlier deadlines (or signals) passed without a cycle: an overrun.</summary>
    Late,

    /// <summary>No external signal came within the pacer's timeout; the cycle runs anyway so the controllers see stale inputs and can react.</summary>
    TimedOut,
}
