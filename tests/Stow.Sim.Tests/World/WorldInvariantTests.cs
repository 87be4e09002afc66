using FsCheck.Xunit;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Space;
using Stow.Sim.World;

namespace Stow.Sim.Tests.World;

public class WorldInvariantTests
{
    [Fact(Timeout = 60_000)]
    public async Task Random_operations_over_many_seeds_keep_items_apart_inside_their_bins_and_conserve_volume()
    {
        await Task.Yield();
        for (var seed = 0; seed < 60; seed++)
        {
            var rng = new Random(seed);
            var pod = new SimPod(new PodId("POD-T"), seed % 2 == 0 ? WorldTestData.Fabric40 : WorldTestData.Fabric24Wide);
            PodPrefill.Fill(pod, WorldTestData.Mix, rng.NextDouble() * 0.6, rng);
            foreach (var bin in pod.Bins)
            {
                RandomWorldDriver.AssertBinInvariants(bin);
            }

            RandomWorldDriver.Run(pod, WorldTestData.Mix, 400, rng);
        }
    }

    [Property(MaxTest = 200)]
    public bool Any_seeded_operation_sequence_keeps_the_no_overlap_and_containment_invariants(int seed, byte operations)
    {
        var rng = new Random(seed);
        var pod = new SimPod(new PodId("POD-P"), WorldTestData.Fabric40);
        PodPrefill.Fill(pod, WorldTestData.Mix, 0.3 * rng.NextDouble(), rng);
        var bin = pod.Bins[rng.Next(pod.Bins.Count)];
        for (var k = 0; k < operations; k++)
        {
            var volume = bin.OccupiedVolume;
            switch (rng.Next(5))
            {
                case 0:
                    bin.Sweep(Primitive.SweepLeft);
                    break;
                case 1:
                    bin.Sweep(Primitive.SweepRight);
                    break;
                case 2:
                    bin.Flip();
                    break;
                default:
                    var item = WorldTestData.Mix[rng.Next(WorldTestData.Mix.Count)];
                    var mode = (Primitive[])[Primitive.None, Primitive.Stack, Primitive.Slot];
                    var placed = bin.Insert(item, ItemOrientations.All[rng.Next(6)], rng.NextDouble() * bin.Spec.OpeningWidth, mode[rng.Next(3)]);
                    volume += placed ? item.Volume : 0;
                    break;
            }

            if (!RandomWorldDriver.BinInvariantsHold(bin) || Math.Abs(volume - bin.OccupiedVolume) > 1e-12)
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void Prefill_reaches_the_target_fill_without_exceeding_it_by_more_than_the_margin()
    {
        var pod = new SimPod(new PodId("POD-F"), WorldTestData.Fabric40);
        var placed = PodPrefill.Fill(pod, WorldTestData.Mix, 0.4, new Random(7));
        Assert.True(placed > 40, $"only {placed} items placed");
        var meanFill = pod.Bins.Average(b => b.Fill);
        Assert.InRange(meanFill, 0.3, 0.45);
        Assert.All(pod.Bins, b => Assert.True(b.Fill <= 0.45 + 1e-9, $"{b.Spec.Id} filled to {b.Fill:P1}"));
    }
}
