namespace Stow.Sim.Tests.Rendering;

using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Sim.Rendering;

public sealed class DepthGeometryTests
{
    // Noise table tails end at ±4.3σ (GaussianTable); σ = 1.5 mm·z².
    private static double NoiseBoundMm(double zMetres) => (4.4 * 1.5 * zMetres * zMetres) + 1;

    [Fact]
    public void Box_Front_Face_Shows_Its_Depth_At_Its_Projected_Centre()
    {
        var bin = RenderTestData.Bin("C2");
        var camera = RenderTestData.Camera;
        var min = bin.Origin + new Vec3(0.12, 0.05, 0);
        var box = Box3.FromMinSize(min, new Vec3(0.15, 0.12, 0.18));
        var scene = new RenderScene(RenderTestData.Pod, [new SceneBox(box, new RgbColor(200, 30, 30))], new HashSet<BinId> { bin.Id });
        var frame = new PodFaceRenderer(camera).Render(scene, 0, 4);

        var centre = new Vec3(box.Min.X, (box.Min.Y + box.Max.Y) / 2, (box.Min.Z + box.Max.Z) / 2);
        Assert.True(camera.TryProject(centre, out var px, out var z));
        var i = ((int)Math.Round(px.V) * frame.Width) + (int)Math.Round(px.U);
        var expectedMm = z * 1000;

        // Depth is along the optical axis; the camera looks along +x, so z = distance to the plane x = box.Min.X.
        Assert.Equal(box.Min.X - camera.Pose.Position.X, z, 9);
        Assert.InRange(frame.BandFreeDepth[i], expectedMm - 1, expectedMm + 1);
        Assert.InRange(frame.Depth[i], expectedMm - NoiseBoundMm(z), expectedMm + NoiseBoundMm(z));
        Assert.True(frame.BandFreeRgb[3 * i] > 150 && frame.BandFreeRgb[(3 * i) + 1] < 60, "the box's red front face is at its projected centre");
    }

    [Fact]
    public void Empty_Bin_Shows_Its_Back_Wall_Depth()
    {
        var bin = RenderTestData.Bin("D2");
        var camera = RenderTestData.Camera;
        var frame = new PodFaceRenderer(camera).Render(new RenderScene(RenderTestData.Pod, [], new HashSet<BinId> { bin.Id }), 0, 8);

        var back = bin.Origin + new Vec3(bin.Depth, bin.OpeningWidth / 2, bin.OpeningHeight / 2);
        Assert.True(camera.TryProject(back, out var px, out var z));
        var i = ((int)Math.Round(px.V) * frame.Width) + (int)Math.Round(px.U);
        var expectedMm = z * 1000;
        Assert.Equal(2000 + (bin.Depth * 1000), expectedMm, 6);
        Assert.InRange(frame.BandFreeDepth[i], expectedMm - 1, expectedMm + 1);
        Assert.InRange(frame.Depth[i], expectedMm - NoiseBoundMm(z), expectedMm + NoiseBoundMm(z));
    }

    [Fact]
    public void Face_Fabric_Is_At_The_Opening_Plane_And_Nothing_Beyond_The_Pod_Returns_Depth()
    {
        var camera = RenderTestData.Camera;
        var frame = new PodFaceRenderer(camera, SensorNoiseOptions.None).Render(new RenderScene(RenderTestData.Pod, []), 0, 1);

        // The base strip below the lowest row (z = 0..0.10 m) is face fabric at x = 0.
        Assert.True(camera.TryProject(new Vec3(0, 0.5, 0.05), out var px, out var z));
        Assert.InRange(frame.Depth[((int)Math.Round(px.V) * frame.Width) + (int)Math.Round(px.U)], (z * 1000) - 1, (z * 1000) + 1);

        // Left and right image borders look past the 1 m wide face: no return.
        Assert.Equal(0, frame.Depth[(240 * frame.Width) + 2]);
        Assert.Equal(0, frame.Depth[(240 * frame.Width) + frame.Width - 3]);
    }

    [Fact]
    public void Nearer_Box_Hides_The_Box_Behind_It()
    {
        var bin = RenderTestData.Bin("D2");
        var o = bin.Origin;
        var back = new SceneBox(Box3.FromMinSize(o + new Vec3(0.2, 0.02, 0), new Vec3(0.1, 0.2, 0.15)), new RgbColor(0, 0, 255));
        var front = new SceneBox(Box3.FromMinSize(o + new Vec3(0.02, 0.08, 0), new Vec3(0.05, 0.08, 0.1)), new RgbColor(255, 0, 0));
        var camera = CameraModel.ForBin(bin, 320, 240);
        foreach (var order in new[] { new[] { back, front }, new[] { front, back } })
        {
            var frame = new PodFaceRenderer(camera, SensorNoiseOptions.None).Render(new RenderScene(RenderTestData.Pod, order, new HashSet<BinId> { bin.Id }), 0, 1);
            Assert.True(camera.TryProject(o + new Vec3(0.02, 0.12, 0.05), out var px, out var z));
            var i = ((int)Math.Round(px.V) * frame.Width) + (int)Math.Round(px.U);
            Assert.InRange(frame.Depth[i], (z * 1000) - 1, (z * 1000) + 1);
            Assert.True(frame.Rgb[3 * i] > 150 && frame.Rgb[(3 * i) + 2] < 50, "the front (red) box is drawn whatever the order");
        }
    }
}
