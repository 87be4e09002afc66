namespace Stow.Sim.Tests.Rendering;

using OpenCvSharp;
using Stow.Sim.Rendering;

public sealed class FrameOverlayTests
{
    [Fact]
    public void Overlay_Draws_Bin_Openings_And_The_Band_Outline_Over_The_Image()
    {
        var frame = new PodFaceRenderer(RenderTestData.Camera).Render(RenderTestData.FullScene(), 0, 1);
        using var overlay = FrameOverlay.Draw(frame);
        Assert.Equal(MatType.CV_8UC3, overlay.Type());
        Assert.Equal((frame.Width, frame.Height), (overlay.Width, overlay.Height));
        int w = frame.Width, h = frame.Height;
        var quadColour = new Vec3b(255, 255, 0);
        var bandColour = new Vec3b(0, 255, 255);

        // The midpoint of every visible quad's top edge is drawn in the quad colour.
        foreach (var q in frame.Quads.Where(q => q.IsValid))
        {
            var u = (int)Math.Round(((q.TopLeft.U + q.TopRight.U) / 2) - 0.5);
            var v = (int)Math.Round(((q.TopLeft.V + q.TopRight.V) / 2) - 0.5);
            if (u > 0 && v > 0 && u < w - 1 && v < h - 1)
            {
                var near = Enumerable.Range(-1, 3).Any(dv => overlay.At<Vec3b>(v + dv, u) == quadColour);
                Assert.True(near, $"bin {q.Bin}: no quad line at ({u}, {v})");
            }
        }

        // The band outline lies on the mask's edge: an outline pixel has a band and a non-band pixel within its 3x3 cross;
        // a band pixel whose cross is all band keeps the image's colour.
        var outline = 0;
        for (var v = 1; v < h - 1; v++)
        {
            for (var u = 1; u < w - 1; u++)
            {
                var k = (v * w) + u;
                var cross = new[] { k, k - 1, k + 1, k - w, k + w }.Select(i => frame.BandMask[i]).ToArray();
                var px = overlay.At<Vec3b>(v, u);
                if (cross.All(m => m != 0))
                {
                    Assert.True(px == new Vec3b(frame.Rgb[(3 * k) + 2], frame.Rgb[(3 * k) + 1], frame.Rgb[3 * k]) || px == quadColour, $"band interior ({u}, {v}) was drawn over");
                }
                else if (cross.Any(m => m != 0) && px == bandColour)
                {
                    outline++;
                }
            }
        }

        Assert.True(outline > 1000, $"{outline} band outline pixels");
    }
}
