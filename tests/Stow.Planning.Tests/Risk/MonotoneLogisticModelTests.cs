using Stow.Core.Outcomes;
using FsCheck;
using FsCheck.Fluent;
using Stow.Core.Items;
using Stow.Planning.Candidates;
using Stow.Planning.Risk;

namespace Stow.Planning.Tests.Risk;

/// <summary>The constrained logistic model: the constraints hold after fitting, and more clearance never lowers P.</summary>
public class MonotoneLogisticModelTests
{
    private static readonly MonotoneLogisticModel Fitted = FitOnSyntheticWorld(1);

    /// <summary>
    /// A synthetic log whose success falls with tight fits, lying cylinders and heavy items high up; plus noise
    /// features, and — deliberately — a sample where tight items happened to succeed more, which an unconstrained
    /// fit would follow against physics.
    /// </summary>
    private static MonotoneLogisticModel FitOnSyntheticWorld(int seed)
    {
        var rng = new Random(seed);
        var records = new List<AttemptRecord>();
        for (var i = 0; i < 1500; i++)
        {
            var f = RandomFeatures(rng);
            var z = 3.0 - (2.5 * Math.Exp(-Math.Min(f.ClearanceWidth, f.ClearanceHeight) / 0.01)) - (f.LyingCylinder ? 1 : 0) - (0.4 * f.Mass * f.RowHeight);
            // Against physics: wide clearances in this sample were mostly deformable bags that slumped.
            if (f.ClearanceWidth > 0.06 && f.Class == PackagingClass.Deformable)
            {
                z -= 2;
            }

            var ok = rng.NextDouble() < 1 / (1 + Math.Exp(-z));
            records.Add(new AttemptRecord(f, ok ? StowOutcome.Stowed : StowOutcome.Unproductive, Propensity: 0.5 + (0.5 * rng.NextDouble())));
        }

        return MonotoneLogisticModel.Fit(records, new MonotoneFitOptions { Iterations = 600, InversePropensityWeights = true });
    }

    private static CandidateFeatures RandomFeatures(Random rng) => new(
        (PackagingClass)rng.Next(FeatureEncoder.ClassCount),
        rng.NextDouble() * 3,
        rng.Next(5) == 0,
        rng.NextDouble() * 0.08,
        rng.NextDouble() * 0.08,
        rng.NextDouble() * 0.15,
        rng.NextDouble() * 0.7,
        rng.NextDouble() * 2.2,
        PrimitiveChain.FromIndex(rng.Next(PrimitiveChain.Count)),
        rng.NextDouble(),
        rng.Next(4) == 0,
        rng.Next(6) == 0);

    [Fact]
    public void Fitted_Weights_Keep_Every_Sign_Constraint_And_Learn_The_Tight_Fit_Risk()
    {
        for (var i = 0; i < MonotoneFeatures.Count; i++)
        {
            Assert.True(MonotoneFeatures.Signs[i] * Fitted.Weights[i] >= 0, MonotoneFeatures.Names[i]);
        }

        var tight = Fitted.Weights[MonotoneFeatures.Names.ToList().IndexOf("tight_opening")];
        Assert.True(tight < -1, $"tight_opening weight {tight}");
        Assert.True(Fitted.Weights[MonotoneFeatures.Names.ToList().IndexOf("lying_cylinder")] < 0);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property More_Clearance_On_Any_Axis_Never_Lowers_P(int seed, byte axis, PositiveInt extraMm)
    {
        var f = RandomFeatures(new Random(seed));
        var extra = extraMm.Get % 200 / 1000.0;
        var more = (axis % 3) switch
        {
            0 => f with { ClearanceWidth = f.ClearanceWidth + extra },
            1 => f with { ClearanceHeight = f.ClearanceHeight + extra },
            _ => f with { ClearanceDepth = f.ClearanceDepth + extra },
        };
        return (Fitted.Predict(more) >= Fitted.Predict(f) - 1e-12).Label($"{f} +{extra} m on axis {axis % 3}");
    }

    [Fact]
    public void Weights_Against_A_Constraint_Are_Refused_With_The_Feature_Named()
    {
        var w = new double[MonotoneFeatures.Count];
        w[1] = -0.5;
        var e = Assert.Throws<ArgumentException>(() => new MonotoneLogisticModel(w));
        Assert.Contains("clearance_width_m", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new MonotoneLogisticModel(new double[3]));
        Assert.Throws<ArgumentException>(() => MonotoneLogisticModel.Fit([]));
    }
}
