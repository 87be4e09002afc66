using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Space;
using Stow.Sim.World;

namespace Stow.Sim.Tests.World;

public class ContactGeometryTests
{
    [Fact]
    public void Bin_frame_boxes_map_to_the_pod_face_by_the_bin_origin_and_back()
    {
        var spec = WorldTestData.Fabric40.Bins[5];
        var box = new Box3(new Vec3(0.1, 0.02, 0.03), new Vec3(0.2, 0.05, 0.09));
        var face = SimPod.ToPodFace(spec, box);
        Assert.Equal(box.Min.Y + spec.Origin.Y, face.Min.Y, 15);
        Assert.Equal(box.Max.Z + spec.Origin.Z, face.Max.Z, 15);
        var back = SimPod.ToBinFrame(spec, face);
        Assert.True((back.Min - box.Min).Length < 1e-12 && (back.Max - box.Max).Length < 1e-12);
    }

    [Fact]
    public void Solids_near_a_region_include_the_walls_and_items_it_touches_and_nothing_far_away()
    {
        var pod = new SimPod(new PodId("POD-C"), WorldTestData.Fabric40);
        var bin = pod.Bin(BinId.Parse("C2"));
        var item = WorldTestData.Make("brick", 0.10, 0.08, 0.06, 0.5, PackagingClass.Box);
        Assert.True(bin.Insert(item, ItemOrientation.LWH, 0.05, Primitive.None));
        var itemFace = SimPod.ToPodFace(bin.Spec, bin[0].Box);

        // A probe just in front of the item, inside the bin, near the floor.
        var probe = SimPod.ToPodFace(bin.Spec, new Box3(new Vec3(0.20, 0.06, 0.0), new Vec3(0.26, 0.07, 0.01)));
        var solids = pod.SolidsNear(probe).ToList();
        Assert.Contains(itemFace, solids);
        Assert.Contains(SimPod.ToPodFace(bin.Spec, SimPod.Wall(bin.Spec, 0)), solids);
        Assert.DoesNotContain(SimPod.ToPodFace(bin.Spec, SimPod.Wall(bin.Spec, 1)), solids);

        Span<Box3> buffer = stackalloc Box3[16];
        var n = pod.CopySolidsNear(probe, buffer);
        Assert.Equal(solids, buffer[..n].ToArray());

        var far = new Box3(new Vec3(-2, -2, -2), new Vec3(-1, -1, -1));
        Assert.Empty(pod.SolidsNear(far));
    }

    [Fact]
    public void Every_bin_has_its_bands_across_the_opening_just_outside_the_band_line()
    {
        var pod = new SimPod(new PodId("POD-B"), WorldTestData.Fabric40);
        foreach (var bin in pod.Bins)
        {
            Assert.Equal(bin.Spec.BandHeights.Count, bin.BandCount);
            for (var i = 0; i < bin.BandCount; i++)
            {
                var band = bin.Band(i);
                Assert.Equal(bin.Spec.BandHeights[i], (band.Min.Z + band.Max.Z) / 2, 12);
                Assert.Equal(bin.Spec.OpeningWidth, band.Size.Y, 12);
                Assert.True(band.Max.X <= 0);
            }
        }
    }

    [Fact]
    public void Contents_enumerate_every_item_with_its_bin()
    {
        var pod = new SimPod(new PodId("POD-E"), WorldTestData.Fabric40);
        PodPrefill.Fill(pod, WorldTestData.Mix, 0.3, new Random(9));
        var contents = pod.Contents().ToList();
        Assert.Equal(pod.ItemCount, contents.Count);
        Assert.All(contents, c => Assert.True(c.Item.Box.IsInside(c.Bin.Interior)));
    }

    [Fact]
    public void Unknown_bin_is_reported_by_id()
    {
        var pod = new SimPod(new PodId("POD-E"), WorldTestData.Fabric24Wide);
        var e = Assert.Throws<KeyNotFoundException>(() => pod.Bin(BinId.Parse("A4")));
        Assert.Contains("A4", e.Message, StringComparison.Ordinal);
    }
}
