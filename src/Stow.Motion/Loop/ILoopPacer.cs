namespace Stow.Motion.Loop;

/// <summary>
/// Pacing policy of the control loop, separate from the loop body (ros2_control <c>ros2_control_node.cpp</c>):
/// wall-clock periodic (<see cref="PeriodicPacer"/>) or simulated time (<see cref="VirtualClockPacer"/>).
/// Threading: called from the loop thread only.
/// </summary>
public interface ILoopPacer
{
    /// <summary>Prepares pacing at <paramref name="period"/> before the first cycle.</summary>
    /// <param name="period">Nominal period [s], &gt; 0.</param>
    void Begin(double period);

    /// <summary>Returns when the next cycle is due (blocks for the wall-clock pacer; advances the virtual clock for the simulated one). No allocation.</summary>
    void WaitForNextCycle();
}
