namespace Stow.Motion.Loop;

/// <summary>
/// Pacing policy of the control loop, separate from the loop body (ros2_control <c>ros2_control_node.cpp</c>):
/// wall-clock periodic on absolute deadlines (<see cref="PeriodicPacer"/>), an external signal such as the UR
/// controller's RTDE data packages (the cell's <c>UrStatePacer</c>), or simulated time (<see cref="VirtualClockPacer"/>).
/// Threading: <see cref="Begin"/> and <see cref="WaitForNextCycle"/> are called from the loop thread only.
/// </summary>
public interface ILoopPacer
{
    /// <summary>Prepares pacing at <paramref name="period"/> before the first cycle.</summary>
    /// <param name="period">Nominal period [s], &gt; 0.</param>
    void Begin(double period);

    /// <summary>Returns when the next cycle is due (blocks for the wall-clock and signal pacers; advances the virtual
    /// clock for the simulated one). No allocation, no exception.</summary>
    /// <returns>Whether the cycle is on time, late (deadlines or signals were missed), or timed out waiting for a signal.</returns>
    LoopWake WaitForNextCycle();
}
