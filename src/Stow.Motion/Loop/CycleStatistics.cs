namespace Stow.Motion.Loop;

/// <summary>
/// Per-cycle timing statistics with a preallocated histogram of period jitter |period − nominal| in 1 µs bins
/// up to <see cref="HistogramRange"/> (larger values fall in the last bin). <see cref="Record"/> does not
/// allocate. Threading: <see cref="Record"/> on the loop thread; <see cref="Snapshot"/> from any thread gives an
/// approximate picture while the loop runs, and an exact one after it stopped.
/// </summary>
public sealed class CycleStatistics
{
    /// <summary>Histogram resolution [s].</summary>
    public const double BinWidth = 1e-6;

    /// <summary>Histogram range [s]; jitter above it is counted in the last bin.</summary>
    public const double HistogramRange = 0.02;

    private readonly long[] _histogram = new long[(int)(HistogramRange / BinWidth) + 1];
    private readonly double _nominal;
    private long _cycles;
    private long _periods;
    private long _overruns;
    private long _lateWakes;
    private long _timedOutWakes;
    private long _cyclesWithGc;
    private double _sumPeriod;
    private double _minPeriod = double.MaxValue;
    private double _maxPeriod;
    private double _sumBody;
    private double _maxBody;

    /// <summary>Creates empty statistics.</summary>
    /// <param name="nominalPeriod">Configured period [s].</param>
    public CycleStatistics(double nominalPeriod) => _nominal = nominalPeriod;

    /// <summary>Cycles recorded.</summary>
    public long Cycles => Interlocked.Read(ref _cycles);

    /// <summary>Records how the pacer's wait before a cycle ended. No allocation.</summary>
    /// <param name="wake">The pacer's result.</param>
    public void RecordWake(LoopWake wake)
    {
        if (wake == LoopWake.Late)
        {
            _lateWakes++;
        }
        else if (wake == LoopWake.TimedOut)
        {
            _timedOutWakes++;
        }
    }

    /// <summary>Records one cycle. No allocation.</summary>
    /// <param name="period">Measured period [s]; ≤ 0 for the first cycle (not counted in the period statistics).</param>
    /// <param name="body">Body duration [s].</param>
    /// <param name="gcDuringCycle">A garbage collection ran (and paused the thread) while the body ran.</param>
    public void Record(double period, double body, bool gcDuringCycle = false)
    {
        if (gcDuringCycle)
        {
            _cyclesWithGc++;
        }

        if (period > 0)
        {
            _periods++;
            _sumPeriod += period;
            _minPeriod = Math.Min(_minPeriod, period);
            _maxPeriod = Math.Max(_maxPeriod, period);
            var bin = (int)Math.Min(_histogram.Length - 1, Math.Abs(period - _nominal) / BinWidth);
            _histogram[bin]++;
        }

        _sumBody += body;
        _maxBody = Math.Max(_maxBody, body);
        if (body > _nominal)
        {
            _overruns++;
        }

        Interlocked.Increment(ref _cycles);
    }

    /// <summary>Summarises the recorded cycles (allocates the result; call outside the loop).</summary>
    /// <returns>The summary.</returns>
    public CycleStatisticsSnapshot Snapshot()
    {
        var n = Cycles;
        return new CycleStatisticsSnapshot(
            n,
            _overruns,
            _nominal,
            _periods > 0 ? _sumPeriod / _periods : 0,
            _periods > 0 ? _minPeriod : 0,
            _maxPeriod,
            Percentile(0.5),
            Percentile(0.99),
            Percentile(0.999),
            n > 0 ? _sumBody / n : 0,
            _maxBody,
            _lateWakes,
            _timedOutWakes,
            _cyclesWithGc);
    }

    private double Percentile(double q)
    {
        var total = 0L;
        foreach (var c in _histogram)
        {
            total += c;
        }

        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(q * total);
        var seen = 0L;
        for (var i = 0; i < _histogram.Length; i++)
        {
            seen += _histogram[i];
            if (seen >= rank)
            {
                return (i + 0.5) * BinWidth;
            }
        }

        return HistogramRange;
    }
}
