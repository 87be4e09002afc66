namespace Stow.Planning.Calibration;

/// <summary>
/// Off-policy estimates of a new policy's mean reward from decisions logged under another policy, before it is
/// deployed: inverse propensity scoring (D. G. Horvitz, D. J. Thompson, JASA 1952) and the doubly robust estimator
/// (M. Dudík, J. Langford, L. Li, "Doubly robust policy evaluation and learning", ICML 2011). Both are unbiased when
/// the logged propensities are right and the logging policy gives every action the target takes a non-zero chance;
/// DR is also unbiased when the reward model is right, and has lower variance when it is close. Stateless.
/// </summary>
public static class OffPolicyEstimator
{
    /// <summary>IPS: mean of (π(a|x) / μ(a|x)) · r.</summary>
    /// <exception cref="ArgumentException">Empty log, or a propensity outside (0, 1].</exception>
    public static OffPolicyEstimate InversePropensity(IReadOnlyList<LoggedDecision> log) =>
        Estimate(log, d => d.TargetProbability / d.Propensity * d.Reward);

    /// <summary>
    /// Self-normalised IPS (SNIPS): Σ w·r / Σ w with w = π(a|x) / μ(a|x) (A. Swaminathan, T. Joachims, "The
    /// self-normalized estimator for counterfactual learning", NeurIPS 2015): slightly biased, but bounded by the
    /// reward's range, where plain IPS is pulled towards 0 when the target rarely agrees with the log. Standard error by
    /// the delta method, √(Σ w² (r − v)²) / Σ w.
    /// </summary>
    /// <exception cref="ArgumentException">Empty log, a propensity outside (0, 1], or no decision the target would take (Σ w = 0).</exception>
    public static OffPolicyEstimate SelfNormalized(IReadOnlyList<LoggedDecision> log)
    {
        var ips = InversePropensity(log);
        double w = 0, wr = 0, w2 = 0;
        foreach (var d in log)
        {
            var wi = d.TargetProbability / d.Propensity;
            w += wi;
            wr += wi * d.Reward;
            w2 += wi * wi;
        }

        if (!(w > 0))
        {
            throw new ArgumentException("the target policy takes none of the logged actions: nothing to normalise by", nameof(log));
        }

        var v = wr / w;
        var dev = 0.0;
        foreach (var d in log)
        {
            var wi = d.TargetProbability / d.Propensity;
            dev += wi * wi * (d.Reward - v) * (d.Reward - v);
        }

        return new OffPolicyEstimate(v, Math.Sqrt(dev) / w, ips.Count, w * w / w2);
    }

    /// <summary>DR: mean of Σₐ π(a|x) r̂(x, a) + (π(a|x) / μ(a|x)) · (r − r̂(x, a)).</summary>
    /// <exception cref="ArgumentException">Empty log, or a propensity outside (0, 1].</exception>
    public static OffPolicyEstimate DoublyRobust(IReadOnlyList<LoggedDecision> log) =>
        Estimate(log, d => d.PredictedTargetReward + (d.TargetProbability / d.Propensity * (d.Reward - d.PredictedReward)));

    private static OffPolicyEstimate Estimate(IReadOnlyList<LoggedDecision> log, Func<LoggedDecision, double> term)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Count == 0)
        {
            throw new ArgumentException("the log is empty", nameof(log));
        }

        double sum = 0, sum2 = 0, w = 0, w2 = 0;
        for (var i = 0; i < log.Count; i++)
        {
            var d = log[i];
            if (!(d.Propensity > 0 && d.Propensity <= 1))
            {
                throw new ArgumentException($"decision {i}: propensity {d.Propensity} is outside (0, 1]", nameof(log));
            }

            var t = term(d);
            sum += t;
            sum2 += t * t;
            var wi = d.TargetProbability / d.Propensity;
            w += wi;
            w2 += wi * wi;
        }

        var n = log.Count;
        var mean = sum / n;
        var variance = n > 1 ? Math.Max(0, (sum2 - (n * mean * mean)) / (n - 1)) : 0;
        return new OffPolicyEstimate(mean, Math.Sqrt(variance / n), n, w2 > 0 ? w * w / w2 : 0);
    }
}
