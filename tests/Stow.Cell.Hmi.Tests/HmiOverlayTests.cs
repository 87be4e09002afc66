using OpenCvSharp;
using Stow.Perception.Pipeline;

namespace Stow.Cell.Hmi.Tests;

/// <summary>The camera view's overlay is drawn into the PNG, per bin: free box filled and outlined, bin opening outlined and labelled, band mask tinted.</summary>
public sealed class HmiOverlayTests
{
    private static (int R, int G, int B) At(Mat m, int x, int y)
    {
        var p = m.At<Vec3b>(y, x);
        return (p.Item2, p.Item1, p.Item0);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_Png_Shows_The_Free_Box_The_Bin_Outline_And_The_Band_Mask()
    {
        await Task.Yield();
        const int w = 200, h = 120;
        var rgb = Enumerable.Repeat((byte)100, w * h * 3).ToArray(); // mid grey
        var band = new float[w * h];
        for (var x = 0; x < w; x++)
        {
            band[(10 * w) + x] = 0.9f; // a band across row 10
        }

        var bin = new HmiFrameBin("C3", true, [20, 20, 180, 20, 180, 110, 20, 110], [60, 50, 140, 50, 140, 100, 60, 100], 12.5, 0.4, [230, 150, 380]);
        var frame = new HmiFrame(rgb, w, h, band, "C3", [bin], "Bin C3");
        using var png = Cv2.ImDecode(HmiPng.EncodeWithMask(frame), ImreadModes.Color);
        Assert.Equal((w, h), (png.Width, png.Height));

        // Inside the free box: grey blended 40 % towards the free colour.
        var (fr, fg, fb) = HmiPng.FreeRgb;
        int Blend(byte c) => (int)Math.Round((100 * (1 - HmiPng.FreeAlpha)) + (c * HmiPng.FreeAlpha));
        var inside = At(png, 100, 75);
        Assert.InRange(inside.R, Blend(fr) - 2, Blend(fr) + 2);
        Assert.InRange(inside.G, Blend(fg) - 2, Blend(fg) + 2);
        Assert.InRange(inside.B, Blend(fb) - 2, Blend(fb) + 2);
        Assert.Equal((100, 100, 100), At(png, 40, 100)); // in the bin, outside the free box and the label: untouched
        Assert.Equal((100, 100, 100), At(png, 5, 5)); // outside the bin
        var (or, og, ob) = HmiPng.OutlineRgb;
        Assert.Equal(((int)or, (int)og, (int)ob), At(png, 100, 20)); // on the bin's top edge
        Assert.Equal(((int)fr, (int)fg, (int)fb), At(png, 100, 100)); // on the free box's bottom edge
        Assert.Equal((178, 50, 178), At(png, 5, 10)); // band: half-way to magenta
        Assert.Equal((20, 20, 20), At(png, 26, 26)); // the label's dark box in the bin's top-left corner
    }

    [Fact(Timeout = 10_000)]
    public async Task The_View_Draws_Neighbours_Of_The_Same_Camera_And_Pod_With_Their_Latest_Estimates()
    {
        await Task.Yield();
        const int w = 300, h = 200;
        var frame = new RgbdFrame(new byte[w * h * 3], new ushort[w * h], w, h, 0);
        static double[] Quad(double x0, double y0, double x1, double y1) => [x0, y0, x1, y0, x1, y1, x0, y1];
        var current = new HmiBinOverlay("B2", "POD-1", 0, Quad(120, 80, 160, 110), Quad(125, 95, 155, 110), [(90 * w) + 130], 10, 0.5, [100, 200, 300]);
        var left = current with { Bin = "B1", Outline = Quad(78, 80.125, 118, 110), FreeBox = [], BandPixels = [(90 * w) + 90], FreeFraction = 0.1 };
        var otherCamera = left with { Bin = "B3", Camera = 1 };
        var otherPod = left with { Bin = "B4", Pod = "POD-0" };
        var far = left with { Bin = "E1", Outline = Quad(0, 0, 30, 20) };
        var view = HmiFrameBuilder.Build(frame, current, [current, left, otherCamera, otherPod, far]);

        Assert.Equal(["B2", "B1"], view.Bins.Select(b => b.Bin));
        Assert.True(view.Bins[0].Current && !view.Bins[1].Current);
        Assert.Equal((480, 360), (view.Width, view.Height)); // 120 x 90 px around B2 (three bin sizes), enlarged 4 times
        Assert.Empty(view.Bins[1].FreeBox);
        Assert.Equal(2 * 4 * 4, view.BandMask!.Count(m => m > 0)); // both bins' band pixels, each 4 x 4 in the view
        Assert.Equal("Bin B2: free 10.0 L (50 %), largest box 100 × 200 × 300 mm (w × h × d)", view.Label);
        using var png = Cv2.ImDecode(HmiPng.EncodeWithMask(view), ImreadModes.Color);
        var (nr, ng, nb) = HmiPng.NeighbourRgb;
        var top = view.Bins[1].Outline;
        Assert.Equal(122.0, top[1], 6); // (80.125 - 50 + 0.5) · 4 - 0.5
        var edge = At(png, (int)top[2] - 8, 122); // B1's top edge, right of its label (antialiased, 1 px)
        Assert.InRange(edge.R, nr - 40, nr);
        Assert.InRange(edge.G, ng - 40, ng);
        Assert.InRange(edge.B, nb - 40, nb);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Frame_Without_Free_Space_Draws_No_Box_And_Bad_Quads_Are_Named()
    {
        await Task.Yield();
        var rgb = new byte[200 * 120 * 3];
        var bin = new HmiFrameBin("A1", true, [2, 2, 198, 2, 198, 118, 2, 118], [], 0, 0, [0, 0, 0]);
        var none = new HmiFrame(rgb, 200, 120, null, "A1", [bin], "Bin A1");
        using var png = Cv2.ImDecode(HmiPng.EncodeWithMask(none), ImreadModes.Color);
        Assert.Equal(new Vec3b(0, 0, 0), png.At<Vec3b>(90, 100)); // no free box drawn
        var e = Assert.Throws<ArgumentException>(() => HmiPng.EncodeWithMask(none with { Bins = [bin with { Outline = [1, 2, 3] }] }));
        Assert.Contains("bin A1's outline has 3 values", e.Message, StringComparison.Ordinal);
    }
}
