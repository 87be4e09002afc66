namespace Stow.Planning.Tests.Support;

using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Planning.Candidates;
using Stow.Planning.Risk;

/// <summary>Seeded synthetic attempt records whose outcomes follow a given logit.</summary>
public static class SyntheticAttempts
{
    public static CandidateFeatures RandomFeatures(Random rng) => new(
        (PackagingClass)rng.Next(7),
        0.05 + (rng.NextDouble() * 3),
        rng.NextDouble() < 0.15,
        rng.NextDouble() * 0.08,
        rng.NextDouble() * 0.08,
        rng.NextDouble() * 0.2,
        rng.NextDouble() * 0.9,
        0.1 + (rng.NextDouble() * 2.1),
        PrimitiveChain.FromIndex(rng.Next(PrimitiveChain.Count)),
        0.05 + (rng.NextDouble() * 0.95));

    public static List<AttemptRecord> Generate(int seed, int count, Func<CandidateFeatures, double> logit)
    {
        var rng = new Random(seed);
        var list = new List<AttemptRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var f = RandomFeatures(rng);
            var p = FeatureEncoder.Sigmoid(logit(f));
            var ok = rng.NextDouble() < p;
            list.Add(new AttemptRecord(f, ok ? StowOutcome.Stowed : (rng.NextDouble() < 0.7 ? StowOutcome.Unproductive : StowOutcome.Defect), p));
        }

        return list;
    }

    /// <summary>A relation the learned model can represent exactly (linear in its features).</summary>
    public static double LinearRelation(CandidateFeatures f)
    {
        double[] classW = [0.5, 0.8, 0.0, 0.2, -1.0, -0.5, -0.8];
        double[] chainW = [1.0, 0.2, 0.2, -0.3, -0.6, -0.4, -0.9, -0.9, -1.2, -1.2];
        return 1.5 + classW[(int)f.Class] + chainW[f.Chain.Index] + (30 * f.ClearanceWidth) - (2.5 * f.FillFraction)
            - (0.8 * (f.Fragile ? 1 : 0)) - (0.3 * f.Mass);
    }

    /// <summary>A relation unlike the prior's constants (and not linear in fill): the world the prior did not expect.</summary>
    public static double DifferentRelation(CandidateFeatures f)
    {
        var stackPenalty = f.Chain.First == Core.Space.Primitive.Stack || f.Chain.Second == Core.Space.Primitive.Stack ? 2.0 : 0.0;
        var cylinderBonus = f.Class == PackagingClass.Cylinder ? 1.0 : 0.0;
        return 1.2 - (4 * f.FillFraction * f.FillFraction) - stackPenalty + cylinderBonus + (25 * f.ClearanceHeight) - (0.5 * f.Mass);
    }
}
