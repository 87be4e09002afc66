namespace Stow.Planning.Calibration;

/// <summary>
/// Isotonic calibration: the non-decreasing step function of the raw prediction that best fits the outcomes in squared
/// error, fitted by pool-adjacent-violators (B. Zadrozny, C. Elkan, "Transforming classifier scores into accurate
/// multiclass probability estimates", KDD 2002). Between fitted points the value of the block below is used.
/// Immutable; thread-safe.
/// </summary>
public sealed class IsotonicCalibration
{
    private readonly double[] _thresholds;
    private readonly double[] _values;

    private IsotonicCalibration(double[] thresholds, double[] values)
    {
        _thresholds = thresholds;
        _values = values;
    }

    /// <summary>Number of steps.</summary>
    public int Steps => _values.Length;

    /// <summary>Fits the step function on raw predictions and outcomes (same length, ≥ 1).</summary>
    /// <exception cref="ArgumentException">Lengths differ or there is nothing to fit.</exception>
    public static IsotonicCalibration Fit(IReadOnlyList<double> predicted, IReadOnlyList<bool> succeeded)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(succeeded);
        if (predicted.Count != succeeded.Count || predicted.Count == 0)
        {
            throw new ArgumentException($"need equal, non-zero counts of predictions ({predicted.Count}) and outcomes ({succeeded.Count})", nameof(succeeded));
        }

        var order = Enumerable.Range(0, predicted.Count).OrderBy(i => predicted[i]).ToArray();
        var lows = new List<double>();
        var sums = new List<double>();
        var counts = new List<double>();
        foreach (var i in order)
        {
            lows.Add(predicted[i]);
            sums.Add(succeeded[i] ? 1 : 0);
            counts.Add(1);
            while (sums.Count > 1 && sums[^2] / counts[^2] >= sums[^1] / counts[^1])
            {
                sums[^2] += sums[^1];
                counts[^2] += counts[^1];
                sums.RemoveAt(sums.Count - 1);
                counts.RemoveAt(counts.Count - 1);
                lows.RemoveAt(lows.Count - 1);
            }
        }

        return new IsotonicCalibration([.. lows], sums.Zip(counts, (s, c) => s / c).ToArray());
    }

    /// <summary>The calibrated probability of raw prediction <paramref name="p"/>, in [0, 1]; non-decreasing in p.</summary>
    public double Apply(double p)
    {
        var i = Array.BinarySearch(_thresholds, p);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return _values[Math.Clamp(i, 0, _values.Length - 1)];
    }
}
