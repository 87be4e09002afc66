using System.Diagnostics;

namespace Stow.Motion.Loop;

/// <summary>
/// Wall-clock pacing at a fixed rate: sleeps until about <see cref="SpinThreshold"/> before the deadline,
/// then spins, and schedules deadlines on an absolute grid (no drift). After a late cycle the grid is
/// re-anchored when more than one period was missed (counted in <see cref="MissedDeadlines"/>).
/// Threading: loop thread only.
/// </summary>
public sealed class PeriodicPacer : ILoopPacer
{
    private long _periodTicks;
    private long _next;

    /// <summary>Margin before the deadline below which the pacer spins instead of sleeping [s] (assumed 1.5 ms,
    /// above the typical 1 ms sleep granularity of Linux hrtimers with a thread-pool-free thread).</summary>
    public double SpinThreshold { get; init; } = 0.0015;

    /// <summary>Number of deadlines missed by more than one period.</summary>
    public long MissedDeadlines { get; private set; }

    /// <inheritdoc/>
    public void Begin(double period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        _periodTicks = (long)Math.Round(period * Stopwatch.Frequency);
        _next = Stopwatch.GetTimestamp() + _periodTicks;
    }

    /// <inheritdoc/>
    public void WaitForNextCycle()
    {
        var spin = (long)(SpinThreshold * Stopwatch.Frequency);
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            var left = _next - now;
            if (left <= 0)
            {
                break;
            }

            if (left > spin)
            {
                Thread.Sleep(TimeSpan.FromTicks((left - spin) * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
            }
            else
            {
                Thread.SpinWait(20);
            }
        }

        _next += _periodTicks;
        var late = Stopwatch.GetTimestamp() - _next;
        if (late > 0)
        {
            MissedDeadlines++;
            _next = Stopwatch.GetTimestamp() + _periodTicks;
        }
    }
}
