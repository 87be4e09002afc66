using OpenCvSharp;
using Stow.Perception.Rectification;

namespace Stow.Perception.Tests.Rectification;

public class RectificationTests
{
    [Fact]
    public void Crop_Corners_Sample_The_Quad_Corners()
    {
        // A 2x2 crop's outer pixel edges are the quad's corners: the crop pixel centres sit a quarter of the way in.
        var quad = new OpeningQuad([100, 200, 200, 100], [50, 50, 150, 150], [1, 1, 1, 1]);
        using var map = new BinRectification(quad, 2, 2);
        Assert.Equal(125 - 0.5, map.MapX[0], 3);
        Assert.Equal(75 - 0.5, map.MapY[0], 3);
        Assert.Equal(175 - 0.5, map.MapX[3], 3);
        Assert.Equal(125 - 0.5, map.MapY[3], 3);
    }

    [Fact]
    public void Collinear_Corners_Are_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new BinRectification(new OpeningQuad([0, 1, 2, 3], [0, 1, 2, 3], [1, 1, 1, 1]), 4, 4));
        Assert.Contains("collinear", e.Message, StringComparison.Ordinal);
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
                depth[(v * w) + u] = (ushort)(u == 3 && v == 2 ? 0 : 1250); // 0.25 m behind the plane; one hole
            }
        }

        var quad = new OpeningQuad([2, 6, 6, 2], [2, 2, 6, 6], [1, 1, 1, 1]);
        using var map = new BinRectification(quad, 4, 4);
        var t = new float[4 * 16];
        var observed = new float[16];
        using (var rgbMat = Mat.FromPixelData(h, w, MatType.CV_8UC3, rgb))
        using (var depthMat = Mat.FromPixelData(h, w, MatType.CV_16UC1, depth))
        {
            map.Rectify(rgbMat, depthMat, t);
            map.RectifyDepth(depthMat, observed);
        }

        // Crop pixel (0,0) samples image pixel (2,2) exactly; (3,3) samples (5,5).
        Assert.Equal(2 * 30 / 255f, t[0], 4);
        Assert.Equal(2 * 30 / 255f, t[16], 4);
        Assert.Equal(5 * 30 / 255f, t[15], 4);
        Assert.All(map.PlaneDepth, z => Assert.Equal(1.0f, z, 4));
        Assert.Equal((3, 2), map.Nearest(1, w, h));
        Assert.True(float.IsNaN(observed[1]));
        for (var k = 0; k < 16; k++)
        {
            Assert.Equal(k == 1 ? BinRectification.MissingDepth : 0.25f, t[48 + k], 4);
            if (k != 1)
            {
                Assert.Equal(0.25f, observed[k], 4);
            }
        }
    }

    [Fact]
    public void Quad_Reaching_Past_The_Image_Replicates_The_Border()
    {
        // The quad reaches 2 px beyond the left and top edges: those crop pixels read the edge pixels.
        const int w = 4, h = 4;
        var depth = new ushort[w * h];
        for (var k = 0; k < depth.Length; k++)
        {
            depth[k] = (ushort)(1000 + k);
        }

        using var map = new BinRectification(new OpeningQuad([-2, 2, 2, -2], [-2, -2, 2, 2], [1, 1, 1, 1]), 4, 4);
        var observed = new float[16];
        using (var depthMat = Mat.FromPixelData(h, w, MatType.CV_16UC1, depth))
        {
            map.RectifyDepth(depthMat, observed);
        }

        Assert.Equal(0.000f, observed[0], 4);
        Assert.Equal((0, 0), map.Nearest(0, w, h));
        Assert.Equal(0.005f, observed[15], 4); // crop (3,3) samples image (1,1)
    }

    [Fact]
    public void Mask_Samples_Are_Zero_Or_One()
    {
        var mask = new byte[16];
        mask[5] = 1;
        mask[6] = 255;
        using var map = new BinRectification(new OpeningQuad([0, 4, 4, 0], [0, 0, 4, 4], [1, 1, 1, 1]), 4, 4);
        var sampled = new float[16];
        using (var m = Mat.FromPixelData(4, 4, MatType.CV_8UC1, mask))
        {
            map.SampleMask(m, sampled);
        }

        Assert.Equal(new float[] { 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, sampled);
    }

    [Theory]
    [InlineData(10.3, 12.7, 30.2, 25.9)]
    [InlineData(-5, -4, 20, 18)]
    [InlineData(50, 30, 70, 45)]
    public void Source_Rect_Holds_Every_Pixel_The_Crop_Reads(double u0, double v0, double u1, double v1)
    {
        // Pixels outside the rectangle are NaN: a crop that read any of them would carry a NaN.
        const int w = 64, h = 48;
        var quad = new OpeningQuad([u0, u1, u1 + 1.5, u0 - 0.7], [v0, v0 + 0.9, v1, v1 - 1.2], [1, 1, 1, 1]);
        using var map = new BinRectification(quad, 12, 8);
        var rect = map.SourceRect(w, h);
        Assert.True(rect.Width > 0 && rect.Height > 0 && rect.X >= 0 && rect.Y >= 0 && rect.Right <= w && rect.Bottom <= h, $"{rect}");
        using var image = new Mat(h, w, MatType.CV_32FC3, Scalar.All(float.NaN));
        using (var inside = new Mat(image, rect))
        {
            inside.SetTo(Scalar.All(0.5));
        }

        using var depth = new Mat(h, w, MatType.CV_16UC1, Scalar.All(1000));
        var t = new float[4 * 96];
        map.Rectify(image, depth, t);
        Assert.All(t, x => Assert.False(float.IsNaN(x)));
        Assert.Equal(0.5f, t[0], 5);
    }

    [Fact]
    public void Plane_Depth_Follows_A_Slanted_Plane()
    {
        // Corners at 1 m (left) and 2 m (right): the middle column is nearer than 1.5 m in depth
        // because 1/z, not z, is affine in the image.
        var quad = new OpeningQuad([0, 10, 10, 0], [0, 0, 10, 10], [1, 2, 2, 1]);
        using var map = new BinRectification(quad, 2, 2);
        Assert.True(map.PlaneDepth[0] < map.PlaneDepth[1]);
        Assert.InRange(map.PlaneDepth[0], 1.0, 1.5);
    }

    [Fact]
    public void Wrong_Images_Buffers_And_Quads_Are_Refused()
    {
        var quad = new OpeningQuad([0, 4, 4, 0], [0, 0, 4, 4], [1, 1, 1, 1]);
        using var map = new BinRectification(quad, 2, 2);
        using var rgb = new Mat(4, 4, MatType.CV_8UC3, Scalar.All(0));
        using var depth = new Mat(4, 4, MatType.CV_16UC1, Scalar.All(0));
        using var smallDepth = new Mat(3, 4, MatType.CV_16UC1, Scalar.All(0));
        using var floatDepth = new Mat(4, 4, MatType.CV_32FC1, Scalar.All(0));
        var t = new float[16];
        map.Rectify(rgb, depth, t);
        Assert.All(t.AsSpan(12).ToArray(), d => Assert.Equal(BinRectification.MissingDepth, d));
        Assert.Throws<ArgumentException>(() => map.Rectify(rgb, depth, new float[15]));
        Assert.Throws<ArgumentException>(() => map.Rectify(rgb, smallDepth, t));
        Assert.Contains("CV_16UC1", Assert.Throws<ArgumentException>(() => map.Rectify(rgb, floatDepth, t)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => map.Rectify(depth, depth, t));
        Assert.Throws<ArgumentException>(() => map.RectifyDepth(depth, new float[3]));
        Assert.Throws<ArgumentException>(() => new BinRectification(new OpeningQuad([0, 1], [0, 1], [1, 1]), 2, 2));
        Assert.Throws<ArgumentException>(() => new BinRectification(quad, 1, 2));
    }
}
