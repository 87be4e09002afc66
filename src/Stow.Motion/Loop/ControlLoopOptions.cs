namespace Stow.Motion.Loop;

/// <summary>Control loop settings.</summary>
public sealed record ControlLoopOptions
{
    /// <summary>Cycle rate [Hz]; the contract allows 500–1000 Hz.</summary>
    public double RateHz { get; init; } = 1000;

    /// <summary><c>SCHED_FIFO</c> priority of the dedicated loop thread (<see cref="ControlLoop.Start"/>), 1–99; 0 keeps
    /// the normal policy. Default 50, ros2_control_node's default <c>thread_priority</c> (the same as the
    /// kernel's threaded interrupt handlers, below its watchdogs at 99).</summary>
    public int FifoPriority { get; init; } = 50;

    /// <summary>Whether <see cref="ControlLoop.Start"/> locks the process's memory (<c>mlockall</c>) so no page
    /// fault stalls the cycle. Default true.</summary>
    public bool LockMemory { get; init; } = true;

    /// <summary>Nominal period [s].</summary>
    public double Period => 1.0 / RateHz;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside 500–1000 Hz, or the priority outside 0–99.</exception>
    public void Validate()
    {
        if (FifoPriority is < 0 or > 99)
        {
            throw new ArgumentOutOfRangeException(nameof(FifoPriority), FifoPriority, "the SCHED_FIFO priority is 1–99, or 0 for the normal policy");
        }

        if (!(RateHz is >= 500 and <= 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(RateHz), RateHz, "the control loop runs at 500–1000 Hz");
        }
    }
}
