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

    /// <summary>Ridge added to the Hessian's diagonal (Lin, Lin and Weng 2007 use 1e-12; a larger one keeps the step finite on near-constant logits).</summary>
    private const double Ridge = 1e-6;

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
        var loss = Loss(f, t, a, b);
        for (var it = 0; it < 100; it++)
        {
            // Newton direction with a small ridge on the Hessian, then a backtracking line search on the log-loss
            // (H.-T. Lin, C.-J. Lin, R. C. Weng, "A note on Platt's probabilistic outputs for support vector machines",
            // Machine Learning 68:267-276, 2007): a raw model that separates the held-out records, or one that predicts
            // nearly the same logit for all of them, must not send (A, B) to ±infinity.
            double gA = 0, gB = 0, hAA = Ridge, hAB = 0, hBB = Ridge;
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

            if (Math.Abs(gA) + Math.Abs(gB) < 1e-9)
            {
                break;
            }

            var det = (hAA * hBB) - (hAB * hAB);
            var da = ((hBB * gA) - (hAB * gB)) / det;
            var db = ((hAA * gB) - (hAB * gA)) / det;
            var accepted = false;
            for (var step = 1.0; step >= 1e-10; step /= 2)
            {
                // A stays ≥ 0 (projection): calibration never reverses the model's order.
                var na = Math.Max(0, a - (step * da));
                var nb = b - (step * db);
                var nl = Loss(f, t, na, nb);
                if (nl < loss - (1e-4 * step * Math.Abs((gA * da) + (gB * db))) || nl < loss - 1e-15)
                {
                    a = na;
                    b = nb;
                    loss = nl;
                    accepted = true;
                    break;
                }
            }

            if (!accepted)
            {
                break;
            }
        }

        return new PlattScaling(a, b);
    }

    /// <summary>Log-loss of σ(a·f + b) against the smoothed targets, summed (stable form).</summary>
    private static double Loss(double[] f, double[] t, double a, double b)
    {
        var sum = 0.0;
        for (var i = 0; i < f.Length; i++)
        {
            var z = (a * f[i]) + b;
            // −[t log σ(z) + (1 − t) log(1 − σ(z))] = log(1 + e^z) − t z, with log(1 + e^z) computed without overflow.
            var softplus = z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
            sum += softplus - (t[i] * z);
        }

        return sum;
    }
}
