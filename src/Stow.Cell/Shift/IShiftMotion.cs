namespace Stow.Cell.Shift;

/// <summary>
/// Runs the motion of a stow (approach, band separation, primitives, insertion, retract, release)
/// on the hardware through the control loop, and answers for the loop's timing. Called from the
/// shift thread only; blocks that thread (not the control loop) until the sequence ends.
/// </summary>
public interface IShiftMotion
{
    /// <summary>Executes the sequence for <paramref name="action"/>.</summary>
    MotionReport Execute(StowAction action);

    /// <summary>Clears a latched fault after an operator acknowledged it (e.g. a belt jam); the work of PackML Clearing (and Unholding).</summary>
    void ClearFault();

    /// <summary>
    /// Brings the hardware up for production (every component Active, the safety chain reset); the work of PackML
    /// Resetting. Idempotent: components already Active stay so.
    /// </summary>
    /// <returns>True when every component is Active; false leaves the cell in Resetting (the log names the component).</returns>
    bool BringUp();

    /// <summary>Reads the EOAT's item-present beams after an attempt: true when an item is still between the paddles.</summary>
    bool ItemInPaddles();

    /// <summary>Control-loop jitter samples so far [ms] (|period − nominal|), for the report.</summary>
    IReadOnlyList<double> JitterSamplesMs();

    /// <summary>Control-loop jitter p99 [ms].</summary>
    double JitterP99Ms { get; }

    /// <summary>What paces the control loop; the summary reports loop jitter only for <see cref="LoopPacing.WallClock"/>. Default: the virtual clock.</summary>
    LoopPacing Pacing => LoopPacing.VirtualClock;

    /// <summary>
    /// The control loop's cycle statistics so far (cycles, mean period [s], jitter), or null when the motion has no loop
    /// of its own. Default: null.
    /// </summary>
    Stow.Motion.Loop.CycleStatisticsSnapshot? LoopStatistics => null;

    /// <summary>The control loop's measured rate while it ran motions [Hz], or null when not measured. Default: null.</summary>
    double? LoopRateHz => null;
}
