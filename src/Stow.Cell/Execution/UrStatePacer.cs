using System.Diagnostics;
using Stow.Core.Time;
using Stow.Hardware.Ur;
using Stow.Motion.Loop;

namespace Stow.Cell.Execution;

/// <summary>
/// Paces the control loop of a cell whose arm is a live <see cref="UrArm"/>: each cycle waits for the controller's
/// next RTDE state (500 Hz on e-Series, as UR's own drivers are paced), then advances the shift's
/// <see cref="VirtualClock"/> by the wall time that passed, at most <see cref="MaxStep"/> so a stall of the host does
/// not look like a long silence to the simulated devices stepped on that clock. When no state comes within
/// <see cref="StateTimeout"/> (controller gone) it still returns, after sleeping one period, so the next cycle's
/// <c>Read</c> reports the fault. The cell's one pacer for a live arm (the signal-waiting pacer it replaced is gone).
/// Threading: loop thread only.
/// </summary>
public sealed class UrStatePacer : ILoopPacer
{
    private readonly VirtualClock _clock;
    private readonly UrArm _arm;
    private double _period;
    private long _last;

    /// <summary>Creates the pacer.</summary>
    /// <param name="clock">The shift's clock, advanced by the wall time of each cycle.</param>
    /// <param name="arm">The live arm whose states pace the loop.</param>
    public UrStatePacer(VirtualClock clock, UrArm arm)
    {
        _clock = clock;
        _arm = arm;
    }

    /// <summary>Largest advance of the virtual clock per cycle [s] (below the safety heartbeat timeout of 50 ms).</summary>
    public double MaxStep { get; init; } = 0.02;

    /// <summary>Longest wait for the controller's next state.</summary>
    public TimeSpan StateTimeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Cycles that found no new state within <see cref="StateTimeout"/>.</summary>
    public long MissedStates { get; private set; }

    /// <inheritdoc/>
    public void Begin(double period)
    {
        _period = period;
        _last = Stopwatch.GetTimestamp();
    }

    /// <inheritdoc/>
    public LoopWake WaitForNextCycle()
    {
        var wake = LoopWake.OnTime;
        if (!_arm.WaitForNextState(StateTimeout))
        {
            MissedStates++;
            wake = LoopWake.TimedOut;
            Thread.Sleep(TimeSpan.FromSeconds(_period));
        }

        var now = Stopwatch.GetTimestamp();
        var dt = (double)(now - _last) / Stopwatch.Frequency;
        _last = now;
        _clock.Advance(Math.Clamp(dt, _period / 4, MaxStep));
        return wake;
    }
}
