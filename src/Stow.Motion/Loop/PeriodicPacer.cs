namespace Stow.Motion.Loop;

/// <summary>
/// Wall-clock pacing at a fixed rate on absolute deadlines: deadline <c>k</c> is <c>t₀ + k·period</c> on the
/// monotonic clock, and the thread sleeps until it with <c>clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)</c>
/// (<see cref="MonotonicTimer"/>), as cyclictest does, so the loop neither drifts nor burns a core. An optional
/// <see cref="SpinBefore"/> sleeps to a little before the deadline and spins the rest (off by default: see
/// bench/RESULTS.md for when it helps). When a wake-up comes after the next deadline too (an overrun: the body
/// or the wake-up took more than a period), the missed deadlines are skipped, not caught up, and the grid keeps
/// its phase; <see cref="Overruns"/> and <see cref="MissedDeadlines"/> count them. Every wake-up's latency
/// (wake time − deadline) goes to <see cref="WakeLatency"/>.
/// Threading: loop thread only; the counters may be read from any thread (approximate while running).
/// </summary>
public sealed class PeriodicPacer : ILoopPacer
{
    private readonly IDeadlineTimer _timer;
    private long _period;
    private long _next;
    private double _spinBefore;

    /// <summary>Creates a pacer on <paramref name="timer"/>.</summary>
    /// <param name="timer">The deadline timer; <see cref="MonotonicTimer"/> when null.</param>
    public PeriodicPacer(IDeadlineTimer? timer = null) => _timer = timer ?? new MonotonicTimer();

    /// <summary>How long before each deadline to stop sleeping and spin instead [s]; 0 (default) sleeps all the
    /// way. Must be shorter than the period (checked by <see cref="Begin"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double SpinBefore
    {
        get => _spinBefore;
        init
        {
            if (!(value >= 0 && double.IsFinite(value)))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "the spin before a deadline is a finite time ≥ 0 [s]");
            }

            _spinBefore = value;
        }
    }

    /// <summary>Wake-up latency of every cycle: wake time − deadline.</summary>
    public WakeLatencyStatistics WakeLatency { get; } = new();

    /// <summary>Wake-ups that came after the following deadline as well (each skips at least one deadline).</summary>
    public long Overruns { get; private set; }

    /// <summary>Deadlines skipped because the loop was still late when they passed.</summary>
    public long MissedDeadlines { get; private set; }

    /// <summary>Deadline of the last wake-up [ns, <see cref="IDeadlineTimer"/> epoch].</summary>
    public long LastDeadlineNanoseconds { get; private set; }

    /// <summary>Time of the last wake-up [ns, <see cref="IDeadlineTimer"/> epoch]; ≥ <see cref="LastDeadlineNanoseconds"/>.</summary>
    public long LastWakeNanoseconds { get; private set; }

    /// <summary>The nominal period [ns] set by <see cref="Begin"/>.</summary>
    public long PeriodNanoseconds => _period;

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">The period is not positive, or not longer than <see cref="SpinBefore"/>.</exception>
    public void Begin(double period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        if (!(period > SpinBefore))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"the period must be longer than the spin before each deadline ({SpinBefore} s)");
        }

        _period = (long)Math.Round(period * 1e9);
        _next = _timer.NowNanoseconds() + _period;
    }

    /// <inheritdoc/>
    public LoopWake WaitForNextCycle()
    {
        var deadline = _next;
        var spin = (long)(SpinBefore * 1e9);
        if (spin > 0)
        {
            _timer.SleepUntil(deadline - spin);
            while (_timer.NowNanoseconds() < deadline)
            {
                Thread.SpinWait(1);
            }
        }
        else
        {
            _timer.SleepUntil(deadline);
        }

        var woke = _timer.NowNanoseconds();
        LastDeadlineNanoseconds = deadline;
        LastWakeNanoseconds = woke;
        WakeLatency.Record(woke - deadline);
        _next = deadline + _period;
        if (woke < _next)
        {
            return LoopWake.OnTime;
        }

        // Skip every deadline that has already passed; the next one stays on the grid t₀ + k·period.
        var missed = (woke - deadline) / _period;
        MissedDeadlines += missed;
        Overruns++;
        _next = deadline + ((missed + 1) * _period);
        return LoopWake.Late;
    }
}
