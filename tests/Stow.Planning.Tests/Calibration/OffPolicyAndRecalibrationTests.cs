using Stow.Planning.Calibration;

namespace Stow.Planning.Tests.Calibration;

/// <summary>Off-policy estimates on synthetic logs with a known answer, and Platt / isotonic recalibration.</summary>
public class OffPolicyAndRecalibrationTests
{
    /// <summary>
    /// Three actions with success rates 0.9, 0.6 and 0.3 in context A and 0.5, 0.8, 0.2 in context B (equally likely);
    /// the logger picks action a with probabilities 0.6 / 0.3 / 0.1; the target always takes the best action of the
    /// context, so its true value is (0.9 + 0.8) / 2 = 0.85 (the logger's own value is lower).
    /// </summary>
    private static List<LoggedDecision> SyntheticLog(int seed, int n, double modelBias)
    {
        double[][] rates = [[0.9, 0.6, 0.3], [0.5, 0.8, 0.2]];
        int[] best = [0, 1];
        double[] mu = [0.6, 0.3, 0.1];
        var rng = new Random(seed);
        var log = new List<LoggedDecision>(n);
        for (var i = 0; i < n; i++)
        {
            var ctx = rng.Next(2);
            var u = rng.NextDouble();
            var a = u < mu[0] ? 0 : u < mu[0] + mu[1] ? 1 : 2;
            var r = rng.NextDouble() < rates[ctx][a] ? 1.0 : 0.0;
            var rHat = Math.Clamp(rates[ctx][a] + modelBias, 0, 1);
            var rHatTarget = Math.Clamp(rates[ctx][best[ctx]] + modelBias, 0, 1);
            log.Add(new LoggedDecision(r, mu[a], a == best[ctx] ? 1 : 0, rHat, rHatTarget));
        }

        return log;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Ips_And_Doubly_Robust_Recover_The_Known_Value_Within_Their_Interval(int seed)
    {
        var log = SyntheticLog(seed, 20000, modelBias: 0.1);
        var ips = OffPolicyEstimator.InversePropensity(log);
        var dr = OffPolicyEstimator.DoublyRobust(log);
        var logger = log.Average(d => d.Reward);

        Assert.InRange(0.85, ips.Value - (4 * ips.StandardError), ips.Value + (4 * ips.StandardError));
        Assert.InRange(0.85, dr.Value - (4 * dr.StandardError), dr.Value + (4 * dr.StandardError));
        Assert.InRange(ips.Value, 0.82, 0.88);
        Assert.InRange(dr.Value, 0.82, 0.88);
        Assert.True(logger < 0.8, $"the logger's own value {logger} must differ, or the test says nothing");
        Assert.True(dr.StandardError < ips.StandardError, "a close reward model lowers the variance");
        Assert.InRange(ips.EffectiveSampleSize, 1000, 20000);
    }

    [Fact]
    public void A_Bad_Propensity_Or_An_Empty_Log_Is_Refused()
    {
        Assert.Throws<ArgumentException>(() => OffPolicyEstimator.InversePropensity([]));
        var e = Assert.Throws<ArgumentException>(() => OffPolicyEstimator.DoublyRobust([new LoggedDecision(1, 0.5, 1), new LoggedDecision(1, 0, 1)]));
        Assert.Contains("decision 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Platt_And_Isotonic_Fix_An_Overconfident_Model()
    {
        // Raw scores p; the truth is P = p^3 (the model is overconfident).
        var rng = new Random(5);
        var p = new List<double>();
        var y = new List<bool>();
        for (var i = 0; i < 20000; i++)
        {
            var q = 0.3 + (0.7 * rng.NextDouble());
            p.Add(q);
            y.Add(rng.NextDouble() < q * q * q);
        }

        var platt = PlattScaling.Fit(p, y);
        var iso = IsotonicCalibration.Fit(p, y);
        var raw = CalibrationMetrics.Compute(p.ToArray(), y.ToArray());
        var afterPlatt = CalibrationMetrics.Compute(p.Select(platt.Apply).ToArray(), y.ToArray());
        var afterIso = CalibrationMetrics.Compute(p.Select(iso.Apply).ToArray(), y.ToArray());

        Assert.True(raw.Ece > 0.15, $"raw ECE {raw.Ece}");
        Assert.True(afterPlatt.Ece < 0.03, $"Platt ECE {afterPlatt.Ece}");
        Assert.True(afterIso.Ece < 0.03, $"isotonic ECE {afterIso.Ece}");
        Assert.True(afterPlatt.Brier < raw.Brier && afterIso.Brier < raw.Brier);
        Assert.True(platt.A > 0);
        for (var q = 0.0; q < 1; q += 0.01)
        {
            Assert.True(iso.Apply(q + 0.01) >= iso.Apply(q), "isotonic map must not decrease");
        }
    }

    [Fact]
    public void Platt_On_All_Successes_Stays_Finite_With_The_Smoothed_Target()
    {
        var p = Enumerable.Range(0, 50).Select(i => 0.9 + (i * 0.001)).ToList();
        var platt = PlattScaling.Fit(p, p.Select(_ => true).ToList());

        Assert.True(double.IsFinite(platt.A) && double.IsFinite(platt.B));
        Assert.True(platt.A >= 0);
        // The smoothed target of 50 successes is 51/52: calibrated values sit near it, not at 1.
        Assert.InRange(p.Average(platt.Apply), 0.95, 0.99);
    }
}
