namespace Stow.Motion.Loop;

/// <summary>
/// Wake-up latency of a pacer: how long after its deadline (or after the external signal) the loop thread
/// actually ran, the figure cyclictest reports. A preallocated histogram of 1 µs bins up to
/// <see cref="HistogramRange"/> (cyclictest's <c>-h</c> histogram has the same 1 µs resolution; larger values
/// fall in the last bin, the exact maximum is kept apart). <see cref="Record"/> does not allocate.
/// Threading: <see cref="Record"/> on the loop thread; <see cref="Snapshot"/> from any thread gives an
/// approximate picture while the loop runs and an exact one after it stopped.
/// </summary>
public sealed class WakeLatencyStatistics
{
    /// <summary>Histogram resolution [ns].</summary>
    public const long BinWidthNanoseconds = 1_000;

    /// <summary>Histogram range [ns] (20 ms); latencies above it are counted in the last bin.</summary>
    public const long HistogramRange = 20_000_000;

    private readonly long[] _histogram = new long[(HistogramRange / BinWidthNanoseconds) + 1];
    private long _count;
    private long _sum;
    private long _max;
    private long _min = long.MaxValue;

    /// <summary>Wake-ups recorded.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Records one wake-up. No allocation.</summary>
    /// <param name="latencyNanoseconds">Wake time minus deadline [ns]; negative values (never seen with an absolute sleep) count as 0.</param>
    public void Record(long latencyNanoseconds)
    {
        var l = Math.Max(0, latencyNanoseconds);
        _histogram[Math.Min(_histogram.Length - 1, l / BinWidthNanoseconds)]++;
        _sum += l;
        _max = Math.Max(_max, l);
        _min = Math.Min(_min, l);
        Interlocked.Increment(ref _count);
    }

    /// <summary>Summarises the recorded wake-ups (allocates the result; call outside the loop).</summary>
    /// <returns>The summary; all zero when nothing was recorded.</returns>
    public WakeLatencySnapshot Snapshot()
    {
        var n = Count;
        if (n == 0)
        {
            return new WakeLatencySnapshot(0, 0, 0, 0, 0, 0, 0);
        }

        return new WakeLatencySnapshot(
            n,
            _min * 1e-9,
            _sum * 1e-9 / n,
            Percentile(0.5),
            Percentile(0.99),
            Percentile(0.999),
            _max * 1e-9);
    }

    private double Percentile(double q)
    {
        var total = 0L;
        foreach (var c in _histogram)
        {
            total += c;
        }

        var rank = (long)Math.Ceiling(q * total);
        var seen = 0L;
        for (var i = 0; i < _histogram.Length; i++)
        {
            seen += _histogram[i];
            if (seen >= rank)
            {
                // Whole microseconds, truncated, as cyclictest's histogram counts them (bin i holds [i, i+1) µs).
                return i * BinWidthNanoseconds * 1e-9;
            }
        }

        return _max * 1e-9;
    }
}
