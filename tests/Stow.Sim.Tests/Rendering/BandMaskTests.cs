namespace Stow.Sim.Tests.Rendering;

using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Sim.Rendering;

public sealed class BandMaskTests
{
    [Fact]
    public void Band_Mask_Is_Exactly_Where_The_Bands_Change_The_Image()
    {
        var frame = new PodFaceRenderer(RenderTestData.Camera, SensorNoiseOptions.None).Render(RenderTestData.FullScene(), 0, 1);
        var banded = 0;
        for (var i = 0; i < frame.BandMask.Length; i++)
        {
            var differs = frame.Depth[i] != frame.BandFreeDepth[i] ||
                frame.Rgb[3 * i] != frame.BandFreeRgb[3 * i] ||
                frame.Rgb[(3 * i) + 1] != frame.BandFreeRgb[(3 * i) + 1] ||
                frame.Rgb[(3 * i) + 2] != frame.BandFreeRgb[(3 * i) + 2];
            Assert.True(differs == (frame.BandMask[i] == 1), $"pixel ({i % frame.Width}, {i / frame.Width}): mask {frame.BandMask[i]}, image differs {differs}");
            banded += frame.BandMask[i];
        }

        Assert.True(banded > 2000, $"only {banded} band pixels");
    }

    [Fact]
    public void Band_Mask_Covers_The_Projected_Band_Strips_And_Nothing_Else()
    {
        // Items stay inside their bins, so every band is in front of everything behind it.
        var camera = RenderTestData.Camera;
        var frame = new PodFaceRenderer(camera, SensorNoiseOptions.None).Render(RenderTestData.FullScene(), 0, 1);
        var strips = Strips(camera, RenderTestData.Pod.Bins);

        var mismatches = 0;
        for (var v = 0; v < frame.Height; v++)
        {
            for (var u = 0; u < frame.Width; u++)
            {
                var inside = strips.Any(s => Inside(s, u, v));
                if (inside != (frame.BandMask[(v * frame.Width) + u] == 1))
                {
                    mismatches++;
                }
            }
        }

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Item_Protruding_Past_The_Bands_Hides_Them()
    {
        var bin = RenderTestData.Bin("D2");
        var h = bin.BandHeights[1];
        var box = Box3.FromMinSize(bin.Origin + new Vec3(-0.05, 0.08, 0), new Vec3(0.2, 0.08, h + 0.03));
        var camera = RenderTestData.Camera;
        var frame = new PodFaceRenderer(camera, SensorNoiseOptions.None)
            .Render(new RenderScene(RenderTestData.Pod, [new SceneBox(box, new RgbColor(250, 250, 250))]), 0, 1);

        Assert.True(camera.TryProject(new Vec3(box.Min.X, 0.5 * (box.Min.Y + box.Max.Y), bin.Origin.Z + h), out var onBand, out var z));
        var i = ((int)Math.Round(onBand.V) * frame.Width) + (int)Math.Round(onBand.U);
        Assert.Equal(0, frame.BandMask[i]);
        Assert.InRange(frame.Depth[i], (z * 1000) - 1, (z * 1000) + 1);

        // Beside the item the same band is still seen.
        Assert.True(camera.TryProject(new Vec3(-0.004, bin.Origin.Y + 0.02, bin.Origin.Z + h), out var beside, out _));
        Assert.Equal(1, frame.BandMask[((int)Math.Round(beside.V) * frame.Width) + (int)Math.Round(beside.U)]);
    }

    [Fact]
    public void Bands_Disappear_For_A_Bin_Whose_Separator_Is_Engaged()
    {
        var held = BinId.Parse("D2");
        var pod = RenderTestData.Pod;
        var boxes = SampleScenes.Fill(pod, 3, 11);
        var renderer = new PodFaceRenderer(RenderTestData.Camera, SensorNoiseOptions.None);
        var closed = renderer.Render(new RenderScene(pod, boxes), 0, 1).Clone();
        var open = renderer.Render(new RenderScene(pod, boxes, new HashSet<BinId> { held }), 0, 1);

        var heldStrips = Strips(RenderTestData.Camera, [pod[held]]);
        var heldBandPixels = 0;
        for (var v = 0; v < open.Height; v++)
        {
            for (var u = 0; u < open.Width; u++)
            {
                var i = (v * open.Width) + u;
                var inHeld = heldStrips.Any(s => Inside(s, u, v));
                heldBandPixels += inHeld && closed.BandMask[i] == 1 ? 1 : 0;
                var expected = inHeld ? (byte)0 : closed.BandMask[i];
                Assert.Equal(expected, open.BandMask[i]);
                if (inHeld)
                {
                    Assert.Equal(open.BandFreeDepth[i], open.Depth[i]);
                }
            }
        }

        Assert.True(heldBandPixels > 50, $"bin {held} showed only {heldBandPixels} band pixels with its separator released");
    }

    private static List<ImagePoint[]> Strips(CameraModel camera, IEnumerable<Stow.Core.Pods.BinSpec> bins)
    {
        var strips = new List<ImagePoint[]>();
        foreach (var bin in bins)
        {
            foreach (var h in bin.BandHeights)
            {
                double x = -0.004, z0 = bin.Origin.Z + h - (bin.BandWidth / 2), z1 = z0 + bin.BandWidth;
                double y0 = bin.Origin.Y, y1 = y0 + bin.OpeningWidth;
                strips.Add([P(camera, x, y1, z1), P(camera, x, y0, z1), P(camera, x, y0, z0), P(camera, x, y1, z0)]);
            }
        }

        return strips;
    }

    private static ImagePoint P(CameraModel c, double x, double y, double z)
    {
        Assert.True(c.TryProject(new Vec3(x, y, z), out var p, out _));
        return p;
    }

    private static bool Inside(ImagePoint[] quad, double u, double v)
    {
        bool pos = false, neg = false;
        for (var i = 0; i < quad.Length; i++)
        {
            var a = quad[i];
            var b = quad[(i + 1) % quad.Length];
            var cross = ((b.U - a.U) * (v - a.V)) - ((b.V - a.V) * (u - a.U));
            pos |= cross > 0;
            neg |= cross < 0;
        }

        return !(pos && neg);
    }
}
