using Stow.Planning.Calibration;

namespace Stow.Planning.Tests.Calibration;

/// <summary>The self-normalised IPS estimate on a log with a known answer, and Platt scaling on records it cannot separate honestly.</summary>
public class SelfNormalizedAndPlattRobustnessTests
{
    /// <summary>
    /// Context A or B (equally likely); the logger takes action 0 with probability 0.9 and action 1 with 0.1; action 1
    /// succeeds with 0.8 in A and 0.4 in B, action 0 with 0.5. The target always takes action 1: true value 0.6.
    /// </summary>
    [Theory(Timeout = 10000)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Snips_Recovers_The_Known_Value_Where_The_Target_Rarely_Agrees_With_The_Log(int seed)
    {
        await Task.Yield();
        var rng = new Random(seed);
        var log = new List<LoggedDecision>();
        for (var i = 0; i < 40000; i++)
        {
            var ctx = rng.Next(2);
            var a = rng.NextDouble() < 0.9 ? 0 : 1;
            var rate = a == 0 ? 0.5 : ctx == 0 ? 0.8 : 0.4;
            log.Add(new LoggedDecision(rng.NextDouble() < rate ? 1 : 0, a == 0 ? 0.9 : 0.1, a == 1 ? 1 : 0));
        }

        var snips = OffPolicyEstimator.SelfNormalized(log);
        var ips = OffPolicyEstimator.InversePropensity(log);

        Assert.InRange(0.6, snips.Value - (4 * snips.StandardError), snips.Value + (4 * snips.StandardError));
        Assert.InRange(snips.Value, 0.57, 0.63);
        Assert.InRange(ips.Value, 0.55, 0.65);
        Assert.InRange(snips.EffectiveSampleSize, 3000, 5000); // only the 10 % the target agrees with count
        Assert.Throws<ArgumentException>(() => OffPolicyEstimator.SelfNormalized([new LoggedDecision(1, 0.5, 0)]));
    }

    [Fact(Timeout = 10000)]
    public async Task Platt_Stays_Finite_When_The_Held_Out_Records_Are_Separable_Or_Share_One_Prediction()
    {
        await Task.Yield();
        // Separable: every success predicted above every failure.
        double[] p = [0.2, 0.3, 0.35, 0.9, 0.95, 0.97, 0.99];
        bool[] y = [false, false, false, true, true, true, true];
        var separable = PlattScaling.Fit(p, y);
        // Near-constant raw predictions (a model clipped at 1), mixed outcomes: only the offset can be learnt.
        var flat = PlattScaling.Fit(Enumerable.Repeat(1.0, 48).ToArray(), Enumerable.Range(0, 48).Select(i => i % 3 != 0).ToArray());

        foreach (var m in new[] { separable, flat })
        {
            Assert.True(double.IsFinite(m.A) && double.IsFinite(m.B) && m.A >= 0, $"A {m.A}, B {m.B}");
            Assert.True(Math.Abs(m.B) < 50, $"B {m.B} ran away");
        }

        Assert.True(separable.Apply(0.95) > separable.Apply(0.3), "calibration keeps the order");
        Assert.InRange(flat.Apply(1.0), 0.55, 0.75); // about the observed 2/3
    }
}
