using Stow.Core.Geometry;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Sim.World;

namespace Stow.Sim.Tests.World;

public class OutcomeModelTests
{
    private static readonly StowOutcomeModel Model = new(StowOutcomeOptions.Default);
    private static readonly BinSpec Low = WorldTestData.Fabric40.Bins[0];
    private static readonly BinSpec High = WorldTestData.Fabric40.Bins[^1];
    private static readonly Primitive[] NoChain = [];

    private static InsertionPlan Plan(Item item, ItemOrientation o, double clearance, Primitive mode = Primitive.None)
    {
        var size = ItemOrientations.Size(item.Dimensions, o);
        var box = Box3.FromMinSize(new Vec3(0.36 - size.X, 0, 0), size);
        return new InsertionPlan(true, mode, o, box, ItemOrientations.PoseOf(item.Dimensions, size), clearance, 0.1);
    }

    private static OutcomeProbabilities P(Item item, double clearance, BinSpec? bin = null, ItemOrientation o = ItemOrientation.LWH, IReadOnlyList<Primitive>? chain = null) =>
        Model.Probabilities(item, bin ?? Low, Plan(item, o, clearance), chain ?? NoChain);

    private static Item Box(double mass = 0.4, bool fragile = false) =>
        WorldTestData.Make("box", 0.15, 0.10, 0.06, mass, PackagingClass.Box, fragile);

    [Fact]
    public void Tighter_clearance_gives_more_unproductive_attempts()
    {
        var previous = 1.0;
        foreach (var c in new[] { 0.0, 0.005, 0.01, 0.02, 0.05 })
        {
            var p = P(Box(), c);
            Assert.True(p.Unproductive < previous, $"clearance {c} m: {p.Unproductive}");
            previous = p.Unproductive;
        }

        Assert.True(P(Box(), 0).Unproductive > 0.4);
        Assert.True(P(Box(), 0.05).Success > 0.98);
    }

    [Fact]
    public void Bags_slump_cylinders_roll_fragile_items_break_and_heavy_items_drop_on_high_rows()
    {
        var box = P(Box(), 0.05);
        var bag = P(WorldTestData.Make("bag", 0.15, 0.10, 0.06, 0.4, PackagingClass.Deformable), 0.05);
        Assert.True(bag.Unproductive > box.Unproductive + 0.04);

        var bottle = WorldTestData.Make("bottle", 0.22, 0.07, 0.07, 0.6, PackagingClass.Cylinder);
        var lying = P(bottle, 0.05);
        var standing = P(bottle, 0.05, o: ItemOrientation.WHL);
        Assert.True(lying.Defect > standing.Defect + 0.02);
        Assert.True(lying.Unproductive > standing.Unproductive + 0.03);

        Assert.True(P(Box(fragile: true), 0.05).Defect > box.Defect + 0.009);
        Assert.True(P(Box(fragile: true), 0.0).Defect > P(Box(fragile: true), 0.05).Defect + 0.1);

        var heavyHigh = P(Box(mass: 3), 0.05, High);
        var heavyLow = P(Box(mass: 3), 0.05, Low);
        Assert.True(heavyHigh.Defect > heavyLow.Defect + 0.03, $"{heavyHigh.Defect} vs {heavyLow.Defect}");
        Assert.Equal(P(Box(mass: 0.5), 0.05, High).Defect, P(Box(mass: 0.5), 0.05, Low).Defect, 12);
    }

    [Fact]
    public void Each_primitive_in_the_chain_adds_risk()
    {
        var plain = P(Box(), 0.05);
        var swept = P(Box(), 0.05, chain: [Primitive.SweepLeft]);
        var sweptFlipped = P(Box(), 0.05, chain: [Primitive.SweepLeft, Primitive.Flip]);
        Assert.True(swept.Success < plain.Success);
        Assert.True(sweptFlipped.Success < swept.Success);
    }

    [Fact]
    public void Geometry_decides_items_that_do_not_fit_or_stop_outside_the_band_line()
    {
        var item = Box();
        var noFit = new InsertionPlan(false, Primitive.None, ItemOrientation.LWH, default, ItemPose.Lying, 0, 0);
        Assert.Equal(StowOutcome.Unproductive, Model.Sample(item, Low, noFit, NoChain, new Random(1), out var r1));
        Assert.Equal(StowReason.NoFit, r1);

        var size = ItemOrientations.Size(item.Dimensions, ItemOrientation.LWH);
        var slightly = new InsertionPlan(true, Primitive.None, ItemOrientation.LWH, Box3.FromMinSize(new Vec3(-0.02, 0, 0), size), ItemPose.Lying, 0.05, 0.05);
        Assert.Equal(StowOutcome.Defect, Model.Sample(item, Low, slightly, NoChain, new Random(1), out var r2));
        Assert.Equal(StowReason.Protruding, r2);

        var mostly = slightly with { Box = Box3.FromMinSize(new Vec3(-0.10, 0, 0), size) };
        Assert.Equal(StowOutcome.Unproductive, Model.Sample(item, Low, mostly, NoChain, new Random(1), out var r3));
        Assert.Equal(StowReason.Blocked, r3);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    [InlineData(0.05)]
    public void Sampled_outcome_rates_match_the_model_probabilities(double clearance)
    {
        var item = WorldTestData.Make("bottle", 0.22, 0.07, 0.07, 2.0, PackagingClass.Cylinder, fragile: true);
        var plan = Plan(item, ItemOrientation.LWH, clearance);
        var p = Model.Probabilities(item, High, plan, [Primitive.SweepRight]);
        var rng = new Random(123);
        const int n = 40_000;
        int defects = 0, unproductive = 0;
        for (var i = 0; i < n; i++)
        {
            var o = Model.Sample(item, High, plan, [Primitive.SweepRight], rng, out _);
            defects += o == StowOutcome.Defect ? 1 : 0;
            unproductive += o == StowOutcome.Unproductive ? 1 : 0;
        }

        // 4.5 binomial standard deviations.
        Assert.InRange((double)defects / n, p.Defect - (4.5 * Math.Sqrt(p.Defect * (1 - p.Defect) / n)), p.Defect + (4.5 * Math.Sqrt(p.Defect * (1 - p.Defect) / n)));
        Assert.InRange((double)unproductive / n, p.Unproductive - (4.5 * Math.Sqrt(p.Unproductive * (1 - p.Unproductive) / n)), p.Unproductive + (4.5 * Math.Sqrt(p.Unproductive * (1 - p.Unproductive) / n)));
    }
}
