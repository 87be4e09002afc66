using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Space;
using Stow.Sim.World;

namespace Stow.Sim.Tests.World;

/// <summary>Drives a pod through random operations and checks the world invariants after each one.</summary>
internal static class RandomWorldDriver
{
    private static readonly Primitive[][] Chains =
    [
        [], [Primitive.SweepLeft], [Primitive.SweepRight], [Primitive.Flip], [Primitive.Stack], [Primitive.Slot],
        [Primitive.SweepLeft, Primitive.Flip], [Primitive.SweepRight, Primitive.Stack], [Primitive.Flip, Primitive.SweepLeft, Primitive.Slot],
    ];

    /// <summary>Runs <paramref name="operations"/> random stows, sweeps and flips; fails on the first broken invariant.</summary>
    public static void Run(SimPod pod, IReadOnlyList<Item> items, int operations, Random rng)
    {
        var unit = 0;
        for (var k = 0; k < operations; k++)
        {
            var bin = pod.Bins[rng.Next(pod.Bins.Count)];
            var before = bin.OccupiedVolume;
            var countBefore = bin.Count;
            var op = rng.Next(4);
            if (op == 0)
            {
                var freed = bin.Sweep(rng.Next(2) == 0 ? Primitive.SweepLeft : Primitive.SweepRight);
                Assert.InRange(freed, 0, bin.Spec.OpeningWidth);
                AssertVolumeEqual(before, bin.OccupiedVolume, "sweep");
                Assert.Equal(countBefore, bin.Count);
            }
            else if (op == 1)
            {
                bin.Flip();
                AssertVolumeEqual(before, bin.OccupiedVolume, "flip");
                Assert.Equal(countBefore, bin.Count);
            }
            else
            {
                var item = items[rng.Next(items.Count)];
                item = item with { Id = new ItemId($"{item.Id.Value}#{unit++}") };
                var orientation = ItemOrientations.All[rng.Next(6)];
                var chain = Chains[rng.Next(Chains.Length)];
                var y = rng.NextDouble() * bin.Spec.OpeningWidth;
                var result = pod.Stow(new StowRequest(bin.Spec.Id, item, orientation, y, chain), rng);
                var expected = before + (result.Outcome == StowOutcome.Stowed ? item.Volume : 0);
                AssertVolumeEqual(expected, bin.OccupiedVolume, $"stow {result.Outcome}");
                Assert.Equal(countBefore + (result.Outcome == StowOutcome.Stowed ? 1 : 0), bin.Count);
                Assert.Equal(result.Outcome == StowOutcome.Stowed, result.Placed is not null);
            }

            AssertBinInvariants(bin);
        }
    }

    public static void AssertBinInvariants(SimBin bin)
    {
        var items = bin.Items;
        for (var i = 0; i < items.Length; i++)
        {
            Assert.True(items[i].Box.IsInside(bin.Spec.Interior), $"{items[i].Item.Id} {items[i].Box} leaves bin {bin.Spec.Id}");
            Assert.True(ItemOrientations.Matches(items[i].Item.Dimensions, items[i].Box.Size), $"{items[i].Item.Id} changed size");
            for (var j = i + 1; j < items.Length; j++)
            {
                Assert.False(items[i].Box.Overlaps(items[j].Box), $"{items[i].Item.Id} {items[i].Box} overlaps {items[j].Item.Id} {items[j].Box}");
            }
        }
    }

    public static bool BinInvariantsHold(SimBin bin)
    {
        var items = bin.Items;
        for (var i = 0; i < items.Length; i++)
        {
            if (!items[i].Box.IsInside(bin.Spec.Interior))
            {
                return false;
            }

            for (var j = i + 1; j < items.Length; j++)
            {
                if (items[i].Box.Overlaps(items[j].Box))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static void AssertVolumeEqual(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12, $"{what}: volume {actual} m³, expected {expected} m³");
}
