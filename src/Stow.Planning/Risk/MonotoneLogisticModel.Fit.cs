namespace Stow.Planning.Risk;

/// <summary>Fitting of <see cref="MonotoneLogisticModel"/>.</summary>
public sealed partial class MonotoneLogisticModel
{
    /// <summary>
    /// Fits the weights by projected gradient descent on the (optionally importance-weighted) mean log-loss with an
    /// L2 penalty, on features scaled to unit standard deviation; after each step every constrained weight is projected
    /// back onto its sign (P. H. Calamai, J. J. Moré, "Projected gradient methods for linearly constrained problems",
    /// Math. Programming 39, 1987). Scaling by a positive factor keeps each sign, so the returned weights meet the
    /// constraints on the raw features. Deterministic; O(iterations × records × features).
    /// </summary>
    /// <param name="records">Logged attempts with outcomes.</param>
    /// <param name="options">Penalty, iterations, weighting; defaults when null.</param>
    /// <exception cref="ArgumentException">No records.</exception>
    public static MonotoneLogisticModel Fit(IReadOnlyList<AttemptRecord> records, MonotoneFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            throw new ArgumentException("no records to fit", nameof(records));
        }

        var o = options ?? new MonotoneFitOptions();
        const int d = MonotoneFeatures.Count;
        var n = records.Count;
        var x = new double[n * d];
        var y = new double[n];
        var sw = new double[n];
        for (var r = 0; r < n; r++)
        {
            MonotoneFeatures.Write(records[r].Features, x.AsSpan(r * d, d));
            y[r] = records[r].Succeeded ? 1 : 0;
            var p = records[r].Propensity;
            sw[r] = o.InversePropensityWeights && double.IsFinite(p) && p > 0 ? Math.Min(o.MaxWeight, 1 / p) : 1;
        }

        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            double s = 0, s2 = 0;
            for (var r = 0; r < n; r++)
            {
                s += x[(r * d) + j];
                s2 += x[(r * d) + j] * x[(r * d) + j];
            }

            var sd = Math.Sqrt(Math.Max(0, (s2 / n) - ((s / n) * (s / n))));
            scale[j] = j == 0 || sd < 1e-9 ? 1 : 1 / sd;
        }

        var totalWeight = sw.Sum();
        var w = new double[d];
        var grad = new double[d];
        for (var it = 0; it < o.Iterations; it++)
        {
            Array.Clear(grad);
            for (var r = 0; r < n; r++)
            {
                var z = 0.0;
                for (var j = 0; j < d; j++)
                {
                    z += w[j] * x[(r * d) + j] * scale[j];
                }

                var e = sw[r] * (FeatureEncoder.Sigmoid(z) - y[r]);
                for (var j = 0; j < d; j++)
                {
                    grad[j] += e * x[(r * d) + j] * scale[j];
                }
            }

            for (var j = 0; j < d; j++)
            {
                var g = (grad[j] / totalWeight) + (j == 0 ? 0 : o.L2 * w[j]);
                w[j] -= o.Step * g;
                var sign = MonotoneFeatures.Signs[j];
                if (sign * w[j] < 0)
                {
                    w[j] = 0;
                }
            }
        }

        var raw = new double[d];
        for (var j = 0; j < d; j++)
        {
            raw[j] = w[j] * scale[j];
        }

        return new MonotoneLogisticModel(raw);
    }
}
