namespace Stow.Planning.Calibration;

using Stow.Planning.Risk;

/// <summary>
/// Platt scaling: a calibrated P = σ(A · logit(p) + B) of a model's raw prediction p, with (A, B) fitted by Newton's
/// method on the log-loss of held-out records (J. Platt, "Probabilistic outputs for support vector machines", 1999;
/// the target smoothing of that paper is used: (n₊ + 1)/(n₊ + 2) and 1/(n₋ + 2)). A ≥ 0 is enforced so calibration
/// never reverses the model's order (and keeps a monotone model monotone). Immutable; thread-safe.
/// </summary>
/// <param name="A">Slope on the raw logit, ≥ 0.</param>
/// <param name="B">Offset.</param>
public sealed record PlattScaling(double A, double B)
{
    private const double Clip = 1e-6;

    /// <summary>The calibrated probability of a raw prediction <paramref name="p"/> in [0, 1].</summary>
    public double Apply(double p)
    {
        var q = Math.Clamp(double.IsNaN(p) ? 0.5 : p, Clip, 1 - Clip);
        return FeatureEncoder.Sigmoid((A * Math.Log(q / (1 - q))) + B);
    }

    /// <summary>Fits (A, B) on raw predictions and outcomes (same length, ≥ 1).</summary>
    /// <exception cref="ArgumentException">Lengths differ or there is nothing to fit.</exception>
    public static PlattScaling Fit(IReadOnlyList<double> predicted, IReadOnlyList<bool> succeeded)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(succeeded);
        if (predicted.Count != succeeded.Count || predicted.Count == 0)
        {
            throw new ArgumentException($"need equal, non-zero counts of predictions ({predicted.Count}) and outcomes ({succeeded.Count})", nameof(succeeded));
        }

        var pos = succeeded.Count(s => s);
        var neg = succeeded.Count - pos;
        var hi = (pos + 1.0) / (pos + 2.0);
        var lo = 1.0 / (neg + 2.0);
        var f = predicted.Select(p => { var q = Math.Clamp(double.IsNaN(p) ? 0.5 : p, Clip, 1 - Clip); return Math.Log(q / (1 - q)); }).ToArray();
        var t = succeeded.Select(s => s ? hi : lo).ToArray();
        double a = 1, b = 0;
        for (var it = 0; it < 100; it++)
        {
            double gA = 0, gB = 0, hAA = 1e-9, hAB = 0, hBB = 1e-9;
            for (var i = 0; i < f.Length; i++)
            {
                var p = FeatureEncoder.Sigmoid((a * f[i]) + b);
                var e = p - t[i];
                var v = p * (1 - p);
                gA += e * f[i];
                gB += e;
                hAA += v * f[i] * f[i];
                hAB += v * f[i];
                hBB += v;
            }

            var det = (hAA * hBB) - (hAB * hAB);
            if (Math.Abs(det) < 1e-12)
            {
                break;
            }

            var da = ((hBB * gA) - (hAB * gB)) / det;
            var db = ((hAA * gB) - (hAB * gA)) / det;
            if (a - da < 0)
            {
                // The slope would turn negative: hold it at 0 and take the Newton step on the offset alone.
                da = a;
                db = gB / hBB;
            }

            a -= da;
            b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-10)
            {
                break;
            }
        }

        return new PlattScaling(a, b);
    }
}
