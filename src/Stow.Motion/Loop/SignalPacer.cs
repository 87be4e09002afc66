using System.Diagnostics;

namespace Stow.Motion.Loop;

/// <summary>
/// Pacing by an external signal with a timeout: each cycle waits for the next <see cref="Signal"/>, which the
/// UR RTDE client calls when a new data package arrives (500 Hz on e-Series). This is how UR's own drivers pace
/// their control loop: ros2 <c>ur_robot_driver</c>'s <c>read()</c> blocks on the next RTDE package rather than a
/// local timer, so the cycle is in step with the controller and never reads the same package twice. Signals that
/// arrive while a cycle runs are coalesced: the next wait returns at once with <see cref="LoopWake.Late"/> and
/// the extra packages are counted in <see cref="MissedSignals"/>. When no signal arrives within
/// <see cref="Timeout"/> the wait returns <see cref="LoopWake.TimedOut"/> (counted in <see cref="Timeouts"/>) so
/// the cycle still runs, reads stale inputs and can hold the arm, and a stop request is seen.
/// Threading: <see cref="Signal"/> from any thread (the RTDE receive thread); <see cref="WaitForNextCycle"/>
/// from the loop thread only. Neither allocates (after the first wait).
/// </summary>
public sealed class SignalPacer : ILoopPacer
{
    private readonly object _gate = new();
    private readonly long _timeoutTicks;
    private long _pending;
    private long _lastSignal;
    private long _signals;

    /// <summary>Creates a pacer that waits at most <paramref name="timeout"/> per cycle.</summary>
    /// <param name="timeout">Longest wait for a signal, &gt; 0 (e.g. two RTDE periods, 4 ms at 500 Hz); the wait is
    /// a monitor wait with millisecond granularity, so the effective timeout is rounded up to whole milliseconds.</param>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is not positive.</exception>
    public SignalPacer(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        Timeout = timeout;
        _timeoutTicks = (long)Math.Ceiling(timeout.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>Longest wait for a signal.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Latency from <see cref="Signal"/> to the loop thread running (signalled wake-ups only).</summary>
    public WakeLatencyStatistics WakeLatency { get; } = new();

    /// <summary>Waits that ended without a signal.</summary>
    public long Timeouts { get; private set; }

    /// <summary>Signals that were coalesced because the loop was still busy with an earlier one.</summary>
    public long MissedSignals { get; private set; }

    /// <summary>Signals received in all.</summary>
    public long Signals => Interlocked.Read(ref _signals);

    /// <summary>Announces new input (e.g. an RTDE data package was received and decoded). No allocation.</summary>
    public void Signal()
    {
        lock (_gate)
        {
            _pending++;
            _lastSignal = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _signals);
            Monitor.Pulse(_gate);
        }
    }

    /// <inheritdoc/>
    /// <remarks>The period is not used: the signal sets the rate.</remarks>
    public void Begin(double period) => ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);

    /// <inheritdoc/>
    public LoopWake WaitForNextCycle()
    {
        long pending;
        long signalled;
        lock (_gate)
        {
            var deadline = Stopwatch.GetTimestamp() + _timeoutTicks;
            while (_pending == 0)
            {
                var left = deadline - Stopwatch.GetTimestamp();
                if (left <= 0)
                {
                    Timeouts++;
                    return LoopWake.TimedOut;
                }

                var ms = (int)Math.Min(int.MaxValue, ((left * 1000) + Stopwatch.Frequency - 1) / Stopwatch.Frequency);
                Monitor.Wait(_gate, ms);
            }

            pending = _pending;
            signalled = _lastSignal;
            _pending = 0;
        }

        WakeLatency.Record((long)((Stopwatch.GetTimestamp() - signalled) * (1e9 / Stopwatch.Frequency)));
        if (pending == 1)
        {
            return LoopWake.OnTime;
        }

        MissedSignals += pending - 1;
        return LoopWake.Late;
    }
}
