using Stow.Perception.Rectification;

namespace Stow.Perception.Tests.Rectification;

public class RectificationTests
{
    [Fact]
    public void Homography_Maps_The_Four_Corners_Exactly()
    {
        double[] x = [0, 1, 1, 0], y = [0, 0, 1, 1];
        double[] u = [100, 220, 240, 90], v = [50, 60, 180, 170];
        var h = Homography.FromPoints(x, y, u, v);
        for (var i = 0; i < 4; i++)
        {
            var (pu, pv) = h.Map(x[i], y[i]);
            Assert.Equal(u[i], pu, 6);
            Assert.Equal(v[i], pv, 6);
        }
    }

    [Fact]
    public void Collinear_Corners_Are_Refused()
    {
        double[] x = [0, 1, 1, 0], y = [0, 0, 1, 1];
        double[] u = [0, 1, 2, 3], v = [0, 1, 2, 3];
        Assert.Throws<ArgumentException>(() => Homography.FromPoints(x, y, u, v));
    }

    [Fact]
    public void Axis_Aligned_Quad_Samples_The_Covered_Pixels_And_Plane_Depth()
    {
        // 8x8 image; the quad covers pixels u in [2,6), v in [2,6) at a fronto-parallel plane 1.0 m away.
        const int w = 8, h = 8;
        var rgb = new byte[w * h * 3];
        var depth = new ushort[w * h];
        for (var v = 0; v < h; v++)
        {
            for (var u = 0; u < w; u++)
            {
                rgb[(((v * w) + u) * 3) + 0] = (byte)(u * 30);
                rgb[(((v * w) + u) * 3) + 1] = (byte)(v * 30);
                depth[(v * w) + u] = 1250; // 0.25 m behind the plane
            }
        }

        var quad = new OpeningQuad([2, 6, 6, 2], [2, 2, 6, 6], [1, 1, 1, 1]);
        var map = new RectificationMap(quad, 4, 4);
        var t = new float[4 * 16];
        BinRectifier.Rectify(rgb, depth, w, h, map, t);
        // Crop pixel (0,0) centre maps to image (2.5, 2.5) = pixel (2,2) centre.
        Assert.Equal(2 * 30 / 255f, t[0], 4);
        Assert.Equal(2 * 30 / 255f, t[16], 4);
        Assert.Equal(5 * 30 / 255f, t[15], 4);
        Assert.All(map.PlaneDepth, z => Assert.Equal(1.0f, z, 4));
        for (var k = 0; k < 16; k++)
        {
            Assert.Equal(0.25f, t[48 + k], 4);
        }
    }

    [Fact]
    public void Plane_Depth_Follows_A_Slanted_Plane()
    {
        // Corners at 1 m (left) and 2 m (right): the middle column is nearer than 1.5 m in depth
        // because 1/z, not z, is affine in the image.
        var quad = new OpeningQuad([0, 10, 10, 0], [0, 0, 10, 10], [1, 2, 2, 1]);
        var map = new RectificationMap(quad, 2, 2);
        Assert.True(map.PlaneDepth[0] < map.PlaneDepth[1]);
        Assert.InRange(map.PlaneDepth[0], 1.0, 1.5);
    }

    [Fact]
    public void Missing_Depth_And_Wrong_Buffers_Are_Handled()
    {
        var quad = new OpeningQuad([0, 4, 4, 0], [0, 0, 4, 4], [1, 1, 1, 1]);
        var map = new RectificationMap(quad, 2, 2);
        var t = new float[16];
        BinRectifier.Rectify(new byte[4 * 4 * 3], new ushort[16], 4, 4, map, t);
        Assert.All(t.AsSpan(12).ToArray(), d => Assert.Equal(BinRectifier.MissingDepth, d));
        Assert.Throws<ArgumentException>(() => BinRectifier.Rectify(new byte[5], new ushort[16], 4, 4, map, t));
        Assert.Throws<ArgumentException>(() => new RectificationMap(new OpeningQuad([0, 1], [0, 1], [1, 1]), 2, 2));
    }
}
