using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Space;
using Stow.Sim.World;

namespace Stow.Sim.Tests.World;

public class GroundTruthTests
{
    private static readonly Item Brick = WorldTestData.Make("brick", 0.10, 0.08, 0.06, 0.5, PackagingClass.Box);

    [Fact]
    public void Empty_bin_has_full_depth_everywhere_full_free_volume_and_the_whole_interior_as_largest_box()
    {
        var bin = new SimBin(WorldTestData.TestBin);
        var e = BinGroundTruth.Estimate(bin, 1.5, 8, 12);
        Assert.All(e.FreeDepth, d => Assert.Equal(0.36f, d));
        Assert.Equal(8 * 12, e.FreeDepth.Length);
        Assert.Equal(WorldTestData.TestBin.Volume, e.FreeVolume, 12);
        Assert.Equal(1.0, e.Confidence);
        Assert.Equal(1.5, e.CaptureTime);
        Assert.Equal(new PrimitiveSpace(Primitive.None, 0.24, 0.20, 0.36), e.LargestBox);
        Assert.Equal(0, e.SpaceFor(Primitive.Stack).Volume);
        Assert.Equal(0, e.SpaceFor(Primitive.Flip).Volume);
    }

    [Fact]
    public void Item_at_a_known_depth_gives_exactly_that_free_depth_in_the_cells_it_covers_and_full_depth_elsewhere()
    {
        var bin = new SimBin(WorldTestData.TestBin);

        // Grid 10 x 12 over 0.24 x 0.20: cells 0.02 x 0.02. The item covers y [0.04, 0.12), z [0, 0.06): cols 2..5, rows 0..2.
        bin.Place(Brick, new Box3(new Vec3(0.17, 0.04, 0), new Vec3(0.27, 0.12, 0.06)));
        var depth = new float[10 * 12];
        BinGroundTruth.FreeDepth(bin, 10, 12, depth);
        for (var r = 0; r < 10; r++)
        {
            for (var c = 0; c < 12; c++)
            {
                var covered = r <= 2 && c >= 2 && c <= 5;
                Assert.Equal(covered ? 0.17f : 0.36f, depth[(r * 12) + c]);
            }
        }
    }

    [Fact]
    public void Free_depth_map_agrees_with_ray_casts_through_the_prefilled_world()
    {
        var pod = new SimPod(new PodId("POD-G"), WorldTestData.Fabric40);
        PodPrefill.Fill(pod, WorldTestData.Mix, 0.5, new Random(11));
        var estimate = BinGroundTruth.Estimate(pod, 0, 9, 7);
        Assert.Equal(40, estimate.Bins.Count);
        for (var i = 0; i < pod.Bins.Count; i++)
        {
            var bin = pod.Bins[i];
            var e = estimate.Bins[i];
            Assert.Equal(bin.Spec.Id, e.Bin);
            Assert.Equal(bin.Spec.Volume - bin.Items.ToArray().Sum(p => p.Volume), e.FreeVolume, 12);
            for (var r = 0; r < 9; r++)
            {
                for (var c = 0; c < 7; c++)
                {
                    var y = (c + 0.5) * bin.Spec.OpeningWidth / 7;
                    var z = (r + 0.5) * bin.Spec.OpeningHeight / 9;
                    var expected = bin.Items.ToArray()
                        .Where(p => p.Box.Min.Y <= y && y < p.Box.Max.Y && p.Box.Min.Z <= z && z < p.Box.Max.Z)
                        .Select(p => p.Box.Min.X).DefaultIfEmpty(bin.Spec.Depth).Min();
                    Assert.Equal((float)expected, e.FreeDepth[(r * 7) + c]);
                }
            }
        }
    }

    [Fact]
    public void Largest_box_is_open_to_the_front_free_of_items_and_as_deep_as_the_contents_allow()
    {
        var pod = new SimPod(new PodId("POD-L"), WorldTestData.Fabric40);
        PodPrefill.Fill(pod, WorldTestData.Mix, 0.45, new Random(3));
        foreach (var bin in pod.Bins)
        {
            var space = BinGroundTruth.LargestBox(bin);
            Assert.True(space.Volume > 0);
            var found = false;

            // Some placement of the box in the bin, open to the front (x from 0), must be free and blocked at its depth.
            var ys = bin.Items.ToArray().Select(p => p.Box.Max.Y).Prepend(0).ToList();
            var zs = bin.Items.ToArray().Select(p => p.Box.Max.Z).Prepend(0).ToList();
            foreach (var y in ys)
            {
                foreach (var z in zs)
                {
                    var box = new Box3(new Vec3(0, y, z), new Vec3(space.Depth, y + space.Width, z + space.Height));
                    if (!box.IsInside(bin.Spec.Interior) || bin.Items.ToArray().Any(p => p.Box.Overlaps(box)))
                    {
                        continue;
                    }

                    var deeper = box with { Max = box.Max with { X = space.Depth + 1e-6 } };
                    found |= space.Depth >= bin.Spec.Depth - 1e-12 || bin.Items.ToArray().Any(p => p.Box.Overlaps(deeper));
                }
            }

            Assert.True(found, $"bin {bin.Spec.Id}: largest box {space} is not a free, maximal-depth box open to the front");
        }
    }

    [Fact]
    public void Sweep_space_is_at_least_the_space_now_and_grows_when_contents_are_scattered()
    {
        var bin = new SimBin(WorldTestData.TestBin);
        var tall = WorldTestData.Make("tall", 0.18, 0.08, 0.06, 0.5, PackagingClass.Box);
        bin.Place(tall, new Box3(new Vec3(0, 0.04, 0), new Vec3(0.06, 0.12, 0.18)));
        bin.Place(tall with { Id = new ItemId("t2") }, new Box3(new Vec3(0, 0.14, 0), new Vec3(0.06, 0.22, 0.18)));
        var now = BinGroundTruth.SpaceFor(bin, Primitive.None);
        var left = BinGroundTruth.SpaceFor(bin, Primitive.SweepLeft);
        var right = BinGroundTruth.SpaceFor(bin, Primitive.SweepRight);
        Assert.True(left.Volume > now.Volume);
        Assert.True(right.Volume > now.Volume);
        Assert.Equal(2, bin.Count);
        Assert.Equal(0.04, bin[0].Box.Min.Y, 12);
        Assert.Equal(0.04 * 0.20 * 0.36, now.Volume, 12);
        Assert.Equal(0.08 * 0.20 * 0.36, left.Volume, 12);
        var stack = BinGroundTruth.SpaceFor(bin, Primitive.Stack);
        Assert.Equal(0.24, stack.Width, 12);
        Assert.Equal(0.02, stack.Height, 12);
        Assert.True(BinGroundTruth.SpaceFor(bin, Primitive.Slot).Volume > 0);
    }
}
