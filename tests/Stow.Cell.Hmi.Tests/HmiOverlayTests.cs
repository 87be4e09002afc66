using OpenCvSharp;

namespace Stow.Cell.Hmi.Tests;

/// <summary>The camera view's overlay is drawn into the PNG: free box filled and outlined, bin opening outlined, band mask tinted.</summary>
public sealed class HmiOverlayTests
{
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

        var frame = new HmiFrame(rgb, w, h, band, "C3", Outline: [20, 20, 180, 20, 180, 110, 20, 110], FreeBox: [60, 50, 140, 50, 140, 100, 60, 100],
            FreeLitres: 12.5, FreeFraction: 0.4, LargestBoxMm: [230, 150, 380], Label: "Bin C3");
        using var png = Cv2.ImDecode(HmiPng.EncodeWithMask(frame), ImreadModes.Color);
        Assert.Equal((w, h), (png.Width, png.Height));

        static (int R, int G, int B) At(Mat m, int x, int y)
        {
            var p = m.At<Vec3b>(y, x);
            return (p.Item2, p.Item1, p.Item0);
        }

        // Inside the free box: grey blended 40 % towards the free colour.
        var (fr, fg, fb) = HmiPng.FreeRgb;
        int Blend(byte c) => (int)Math.Round((100 * (1 - HmiPng.FreeAlpha)) + (c * HmiPng.FreeAlpha));
        var inside = At(png, 100, 75);
        Assert.InRange(inside.R, Blend(fr) - 2, Blend(fr) + 2);
        Assert.InRange(inside.G, Blend(fg) - 2, Blend(fg) + 2);
        Assert.InRange(inside.B, Blend(fb) - 2, Blend(fb) + 2);
        Assert.Equal((100, 100, 100), At(png, 40, 75)); // in the bin, outside the free box: untouched
        Assert.Equal((100, 100, 100), At(png, 5, 5)); // outside the bin
        var (or, og, ob) = HmiPng.OutlineRgb;
        Assert.Equal(((int)or, (int)og, (int)ob), At(png, 100, 20)); // on the bin's top edge
        Assert.Equal(((int)fr, (int)fg, (int)fb), At(png, 100, 100)); // on the free box's bottom edge
        Assert.Equal((178, 50, 178), At(png, 5, 10)); // band: half-way to magenta
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Frame_Without_Free_Space_Draws_No_Box_And_Bad_Quads_Are_Named()
    {
        await Task.Yield();
        var rgb = new byte[40 * 30 * 3];
        var none = new HmiFrame(rgb, 40, 30, null, "A1", [2, 2, 38, 2, 38, 28, 2, 28], [], 0, 0, [0, 0, 0], "Bin A1");
        using var png = Cv2.ImDecode(HmiPng.EncodeWithMask(none), ImreadModes.Color);
        Assert.Equal(new Vec3b(0, 0, 0), png.At<Vec3b>(15, 20));
        var e = Assert.Throws<ArgumentException>(() => HmiPng.EncodeWithMask(none with { Outline = [1, 2, 3] }));
        Assert.Contains("bin A1: outline has 3 values", e.Message, StringComparison.Ordinal);
    }
}
