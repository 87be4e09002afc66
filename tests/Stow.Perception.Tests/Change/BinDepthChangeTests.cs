using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Perception.Change;
using Stow.Perception.Pipeline;
using Stow.Perception.Rectification;

namespace Stow.Perception.Tests.Change;

/// <summary>
/// Change detection on constructed depth frames: a pinhole camera (fx = fy = 400 px, 320 x 240) facing a 0.30 x 0.20 m
/// opening 1.0 m away, a 0.40 m deep bin whose back wall is all it sees, and an item's front face put into it.
/// </summary>
public class BinDepthChangeTests
{
    private const int W = 320, H = 240;
    private const double F = 400, Cx = 160, Cy = 120, Plane = 1.0;
    private const double Sigma = 0.0015; // the simulator's sensor: 1.5 mm at 1 m

    // The calibrated noise of a 3 x 3 window's median of two frames' difference at 1 m.
    private static readonly double Median = Math.Sqrt(2) * Sigma * BinDepthChange.MedianNoiseShare;
    private static readonly BinSpec Bin = new(new BinId(0, 0), 0.30, 0.20, 0.40, [], 0.01, Vec3.Zero);

    /// <summary>The opening's corners (top-left, top-right, bottom-right, bottom-left) with the quad's pixel-edge convention.</summary>
    private static readonly OpeningQuad Quad = new(
        [U(-0.15) + 0.5, U(0.15) + 0.5, U(0.15) + 0.5, U(-0.15) + 0.5],
        [V(-0.10) + 0.5, V(-0.10) + 0.5, V(0.10) + 0.5, V(0.10) + 0.5],
        [Plane, Plane, Plane, Plane]);

    private static double U(double x) => Cx + (F * x / Plane);

    private static double V(double y) => Cy + (F * y / Plane);

    /// <summary>
    /// A depth frame [mm] of the bin's back wall with, when <paramref name="face"/> is given, an item's front face: lateral
    /// span [y0, y1] from the right wall (camera x = 0.15 − y), height h above the floor, xf behind the opening plane.
    /// </summary>
    private static RgbdFrame Frame((double Y0, double Y1, double Height, double Depth)? face, int? noiseSeed = null, double sigma = Sigma)
    {
        var rng = noiseSeed is { } s ? new Random(s) : null;
        var depth = new ushort[W * H];
        for (var v = 0; v < H; v++)
        {
            for (var u = 0; u < W; u++)
            {
                var rx = (u - Cx) / F;
                var ry = (v - Cy) / F;
                var z = Plane + Bin.Depth;
                if (face is { } f)
                {
                    var zf = Plane + f.Depth;
                    double x = rx * zf, y = ry * zf;
                    if (x >= 0.15 - f.Y1 && x <= 0.15 - f.Y0 && y >= 0.10 - f.Height && y <= 0.10)
                    {
                        z = zf;
                    }
                }

                if (rng is not null)
                {
                    // Box-Muller; the sensor's noise grows with z².
                    var g = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                    z += g * sigma * z * z;
                }

                depth[(v * W) + u] = (ushort)Math.Round(z * 1000);
            }
        }

        return new RgbdFrame(new byte[W * H * 3], depth, W, H, 0);
    }

    private static DepthChangeProfile Measure(RgbdFrame before, RgbdFrame after)
    {
        using var map = new BinRectification(Quad, 96, 64);
        var projection = new BinBackProjection(map, Quad, (F, F, Cx, Cy), W, H, Sigma);
        return BinDepthChange.Measure(map, projection, Bin, before, after, Sigma);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_Item_Put_Deep_Into_The_Bin_Shows_Its_Front_Face_In_Its_Lane()
    {
        await Task.Yield();
        // An 8 x 5 cm face 0.20 m deep at y 0.02-0.10 m (the right-hand part of the opening).
        var change = Measure(Frame(null, noiseSeed: 1), Frame((0.02, 0.10, 0.05, 0.20), noiseSeed: 2));

        const double face = 0.08 * 0.05;
        Assert.InRange(change.CloserIn(0.02, 0.10), 0.85 * face, 1.15 * face);
        Assert.InRange(change.CloserTotal, 0.85 * face, 1.15 * face);
        // Nothing came closer on the other side of the bin, and the face is far behind the opening plane.
        Assert.True(change.CloserIn(0.14, 0.30) < 0.01 * face, $"{change.CloserIn(0.14, 0.30)} m² changed outside the lane");
        Assert.Equal(0, change.NearOpeningIn(0, 0.30));
        // The rays through the opening that reach the back wall inside the bin's span cover the back wall, 0.30 x 0.20 m.
        Assert.InRange(change.ComparedIn(0, 0.30), 0.9 * 0.30 * 0.20, 1.1 * 0.30 * 0.20);
    }

    [Fact(Timeout = 30_000)]
    public async Task Two_Noisy_Frames_Of_An_Unchanged_Bin_Show_No_Change()
    {
        await Task.Yield();
        var change = Measure(Frame(null, noiseSeed: 3), Frame(null, noiseSeed: 4));

        // The depth noise at 1.4 m is 2.9 mm per frame: no pixel passes the threshold of 5 mm + 4·√2·σ.
        Assert.True(change.CloserTotal < 0.02 * 0.05 * 0.05, $"{change.CloserTotal * 1e4:F1} cm² came closer in an unchanged bin");
    }

    [Fact(Timeout = 30_000)]
    public async Task An_Item_Left_In_The_Opening_Plane_Shows_As_Change_Near_The_Opening()
    {
        await Task.Yield();
        var change = Measure(Frame(null, noiseSeed: 5), Frame((0.12, 0.20, 0.06, 0.005), noiseSeed: 6));

        const double face = 0.08 * 0.06;
        Assert.InRange(change.NearOpeningIn(0.12, 0.20), 0.85 * face, 1.15 * face);
        Assert.Equal(change.CloserIn(0.12, 0.20), change.NearOpeningIn(0.12, 0.20), 9);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_Small_Item_Changes_Its_Own_Strips_Only()
    {
        await Task.Yield();
        // A 3 x 3 cm face at y 0.20-0.23 m, 0.30 m deep: near the resolution of a coarse space grid, plain to the depth image.
        var change = Measure(Frame(null), Frame((0.20, 0.23, 0.03, 0.30)));

        const double face = 0.03 * 0.03;
        Assert.InRange(change.CloserIn(0.20, 0.23), 0.75 * face, 1.25 * face);
        Assert.True(change.CloserIn(0, 0.18) == 0 && change.CloserIn(0.25, 0.30) == 0, "change outside the item's strips");
    }

    [Fact(Timeout = 30_000)]
    public async Task Frames_Of_Different_Sizes_Are_Refused_Naming_Both()
    {
        await Task.Yield();
        var small = new RgbdFrame(new byte[4 * 4 * 3], new ushort[16], 4, 4, 0);

        var e = Assert.Throws<ArgumentException>(() => Measure(Frame(null), small));

        Assert.Contains("320x240", e.Message, StringComparison.Ordinal);
        Assert.Contains("4x4", e.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_Sensor_Noisier_Than_Its_Calibration_Does_Not_Read_As_Change()
    {
        await Task.Yield();
        // Frames with three times the calibrated noise (4.5 mm at 1 m): the threshold follows the noise the frames show.
        var still = Measure(Frame(null, noiseSeed: 7, sigma: 3 * Sigma), Frame(null, noiseSeed: 8, sigma: 3 * Sigma));
        var item = Measure(Frame(null, noiseSeed: 9, sigma: 3 * Sigma), Frame((0.02, 0.10, 0.05, 0.20), noiseSeed: 10, sigma: 3 * Sigma));

        Assert.True(still.CloserTotal < 0.02 * 0.05 * 0.05, $"{still.CloserTotal * 1e4:F1} cm² came closer in an unchanged bin");
        Assert.InRange(still.NoiseSigmaAt1M, 2.5 * Median, 3.5 * Median);
        Assert.InRange(item.CloserIn(0.02, 0.10), 0.85 * 0.08 * 0.05, 1.15 * 0.08 * 0.05);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_Item_Filling_Most_Of_The_Opening_Does_Not_Pass_For_Noise()
    {
        await Task.Yield();
        // A 0.26 x 0.18 m face, 0.10 m deep: four fifths of what the camera sees of the bin came closer.
        var change = Measure(Frame(null, noiseSeed: 11), Frame((0.02, 0.28, 0.18, 0.10), noiseSeed: 12));

        Assert.InRange(change.NoiseSigmaAt1M, 0.99 * Median, 1.2 * Median);
        Assert.InRange(change.CloserTotal, 0.85 * 0.26 * 0.18, 1.15 * 0.26 * 0.18);
    }
}
