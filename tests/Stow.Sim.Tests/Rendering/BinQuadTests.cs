namespace Stow.Sim.Tests.Rendering;

using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Sim.Rendering;

public sealed class BinQuadTests
{
    [Fact]
    public void Default_Camera_Sees_Every_Bin_Opening_Inside_The_Image()
    {
        var camera = RenderTestData.Camera;
        Assert.Equal(640, camera.Width);
        Assert.Equal(480, camera.Height);
        var quads = camera.ProjectOpenings(RenderTestData.Pod);
        Assert.Equal(40, quads.Count);
        foreach (var q in quads)
        {
            Assert.True(q.IsValid);
            foreach (var p in q.ToArray())
            {
                Assert.InRange(p.U, 0, camera.Width - 1);
                Assert.InRange(p.V, 0, camera.Height - 1);
            }

            Assert.True(q.TopLeft.U < q.TopRight.U && q.BottomLeft.U < q.BottomRight.U, $"{q.Bin}: left is left");
            Assert.True(q.TopLeft.V < q.BottomLeft.V && q.TopRight.V < q.BottomRight.V, $"{q.Bin}: top is up");
        }

        // Column 1 is at the robot's right, so it appears at the right of the image; row A is at the bottom.
        var a1 = quads.Single(q => q.Bin == new BinId(0, 0));
        var a4 = quads.Single(q => q.Bin == new BinId(0, 3));
        var j1 = quads.Single(q => q.Bin == new BinId(9, 0));
        Assert.True(a1.TopLeft.U > a4.TopRight.U);
        Assert.True(a1.TopLeft.V > j1.BottomLeft.V);
    }

    [Fact]
    public void Bin_Quad_Encloses_The_Opening_Seen_In_The_Depth_Image()
    {
        // Close-up camera: the 5 mm walls are ~12 px wide, so inside/outside is unambiguous.
        var bin = RenderTestData.Bin("C2");
        var camera = CameraModel.ForBin(bin, 640, 480);
        var scene = new RenderScene(RenderTestData.Pod, [], new HashSet<BinId> { bin.Id });
        var frame = new PodFaceRenderer(camera, SensorNoiseOptions.None).Render(scene, 0, 1);
        var quad = frame.Quads.Single(q => q.Bin == bin.Id);
        Assert.Equal(camera.ProjectOpening(bin), quad);

        var corners = quad.ToArray();
        for (var k = 0; k < 4; k++)
        {
            var a = corners[k];
            var b = corners[(k + 1) % 4];
            var mid = new ImagePoint((a.U + b.U) / 2, (a.V + b.V) / 2);
            var centre = new ImagePoint(corners.Average(p => p.U), corners.Average(p => p.V));
            var dirU = mid.U - centre.U;
            var dirV = mid.V - centre.V;
            var len = Math.Sqrt((dirU * dirU) + (dirV * dirV));
            var faceMm = camera.Pose.Position.X * -1000; // distance to the plane x = 0
            var inside = DepthAt(frame, mid.U - (4 * dirU / len), mid.V - (4 * dirV / len));
            var outside = DepthAt(frame, mid.U + (4 * dirU / len), mid.V + (4 * dirV / len));
            Assert.True(inside > faceMm + 5, $"edge {k}: 4 px inside the quad sees into the bin ({inside} mm)");
            Assert.InRange(outside, faceMm - 2, faceMm + 2);
        }
    }

    [Fact]
    public void Crop_Holds_The_Quad_And_Stays_In_The_Image()
    {
        var quad = new BinQuad(new BinId(0, 0), new ImagePoint(-3.2, 10.5), new ImagePoint(50.1, 11), new ImagePoint(49.5, 60.7), new ImagePoint(-2, 61));
        Assert.Equal(new PixelRect(0, 8, 54, 56), quad.Crop(2, 100, 100));
        Assert.True(new BinQuad(new BinId(0, 0), new ImagePoint(double.NaN, 0), default, default, default).Crop(0, 10, 10).IsEmpty);
    }

    [Fact]
    public void Look_At_Camera_Puts_Left_Left_And_Up_Up()
    {
        var camera = CameraModel.LookAt(new Vec3(-1, 0, 0), Vec3.Zero, 500, 640, 480);
        Assert.True(camera.TryProject(Vec3.Zero, out var centre, out var z));
        Assert.Equal(319.5, centre.U, 9);
        Assert.Equal(239.5, centre.V, 9);
        Assert.Equal(1.0, z, 9);
        Assert.True(camera.TryProject(new Vec3(0, 0.1, 0), out var left, out _));
        Assert.True(camera.TryProject(new Vec3(0, 0, 0.1), out var up, out _));
        Assert.Equal(319.5 - 50, left.U, 9);
        Assert.Equal(239.5 - 50, up.V, 9);
        Assert.False(camera.TryProject(new Vec3(-2, 0, 0), out var behind, out _));
        Assert.False(behind.IsValid);
    }

    private static double DepthAt(RenderedFrame f, double u, double v) =>
        f.Depth[((int)Math.Round(v) * f.Width) + (int)Math.Round(u)];
}
