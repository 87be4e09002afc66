namespace Stow.Planning.Calibration;

using Stow.Planning.Risk;

/// <summary>
/// Brier score, log-loss, reliability table and expected calibration error of probability predictions. Stateless and
/// thread-safe.
/// </summary>
public static class CalibrationMetrics
{
    private const double LogClip = 1e-15;

    /// <summary>
    /// Calibration of <paramref name="predicted"/> (each in [0, 1]; values outside are clamped, NaN reads as 0)
    /// against <paramref name="succeeded"/> (same length), with <paramref name="binCount"/> reliability bins.
    /// With no predictions every figure is NaN and the table empty.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="binCount"/> &lt; 1.</exception>
    public static CalibrationReport Compute(
        ReadOnlySpan<double> predicted,
        ReadOnlySpan<bool> succeeded,
        int binCount = 10,
        ReliabilityBinning binning = ReliabilityBinning.EqualWidth)
    {
        if (predicted.Length != succeeded.Length)
        {
            throw new ArgumentException($"{predicted.Length} predictions but {succeeded.Length} outcomes", nameof(succeeded));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var n = predicted.Length;
        if (n == 0)
        {
            return new CalibrationReport(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, binning, []);
        }

        var p = new double[n];
        double brier = 0, logLoss = 0, sumP = 0, sumY = 0;
        for (var i = 0; i < n; i++)
        {
            var pi = double.IsNaN(predicted[i]) ? 0 : Math.Clamp(predicted[i], 0, 1);
            p[i] = pi;
            var yi = succeeded[i] ? 1.0 : 0.0;
            brier += (pi - yi) * (pi - yi);
            var pc = Math.Clamp(pi, LogClip, 1 - LogClip);
            logLoss -= succeeded[i] ? Math.Log(pc) : Math.Log(1 - pc);
            sumP += pi;
            sumY += yi;
        }

        var bins = binning == ReliabilityBinning.EqualCount
            ? EqualCountBins(p, succeeded, binCount)
            : EqualWidthBins(p, succeeded, binCount);
        double ece = 0, mce = 0;
        foreach (var b in bins)
        {
            if (b.Count > 0)
            {
                ece += (double)b.Count / n * b.Gap;
                mce = Math.Max(mce, b.Gap);
            }
        }

        return new CalibrationReport(n, brier / n, ece, mce, logLoss / n, sumP / n, sumY / n, binning, bins);
    }

    /// <summary>
    /// Calibration of the predictions recorded in <paramref name="records"/> (<see cref="AttemptRecord.PredictedProbability"/>);
    /// records whose prediction is NaN are skipped.
    /// </summary>
    public static CalibrationReport FromRecords(
        IEnumerable<AttemptRecord> records,
        int binCount = 10,
        ReliabilityBinning binning = ReliabilityBinning.EqualWidth)
    {
        ArgumentNullException.ThrowIfNull(records);
        var p = new List<double>();
        var y = new List<bool>();
        foreach (var r in records)
        {
            if (!double.IsNaN(r.PredictedProbability))
            {
                p.Add(r.PredictedProbability);
                y.Add(r.Succeeded);
            }
        }

        return Compute(p.ToArray(), y.ToArray(), binCount, binning);
    }

    /// <summary>
    /// Calibration of <paramref name="model"/>'s predictions on the features of <paramref name="records"/> against
    /// their outcomes (e.g. a held-out set, or the prior and learned models on the same records).
    /// </summary>
    public static CalibrationReport ForModel(
        ISuccessModel model,
        IEnumerable<AttemptRecord> records,
        int binCount = 10,
        ReliabilityBinning binning = ReliabilityBinning.EqualWidth)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(records);
        var p = new List<double>();
        var y = new List<bool>();
        foreach (var r in records)
        {
            p.Add(model.Predict(r.Features));
            y.Add(r.Succeeded);
        }

        return Compute(p.ToArray(), y.ToArray(), binCount, binning);
    }

    private static ReliabilityBin[] EqualWidthBins(double[] p, ReadOnlySpan<bool> y, int k)
    {
        var count = new int[k];
        var sumP = new double[k];
        var sumY = new double[k];
        for (var i = 0; i < p.Length; i++)
        {
            var b = Math.Min((int)(p[i] * k), k - 1);
            count[b]++;
            sumP[b] += p[i];
            sumY[b] += y[i] ? 1 : 0;
        }

        var bins = new ReliabilityBin[k];
        for (var b = 0; b < k; b++)
        {
            bins[b] = Row((double)b / k, (double)(b + 1) / k, count[b], sumP[b], sumY[b]);
        }

        return bins;
    }

    private static ReliabilityBin[] EqualCountBins(double[] p, ReadOnlySpan<bool> y, int k)
    {
        var n = p.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        // Stable order: by prediction, ties by original index, so the table is reproducible.
        Array.Sort(order, (a, b) => p[a] != p[b] ? p[a].CompareTo(p[b]) : a.CompareTo(b));
        var bins = new ReliabilityBin[k];
        var start = 0;
        for (var b = 0; b < k; b++)
        {
            var size = (n / k) + (b < n % k ? 1 : 0);
            double sp = 0, sy = 0;
            for (var i = start; i < start + size; i++)
            {
                sp += p[order[i]];
                sy += y[order[i]] ? 1 : 0;
            }

            var lower = size > 0 ? p[order[start]] : (start < n ? p[order[start]] : 1);
            var upper = size > 0 ? p[order[start + size - 1]] : lower;
            bins[b] = Row(lower, upper, size, sp, sy);
            start += size;
        }

        return bins;
    }

    private static ReliabilityBin Row(double lower, double upper, int count, double sumP, double sumY) =>
        count == 0
            ? new ReliabilityBin(lower, upper, 0, 0, 0)
            : new ReliabilityBin(lower, upper, count, sumP / count, sumY / count);
}
