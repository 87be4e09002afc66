namespace Stow.Sim.Rendering;

using OpenCvSharp;

/// <summary>
/// Draws the report overlay of a rendered frame with OpenCV: the RGB image, the outline of the band mask (its
/// morphological gradient, <c>Cv2.MorphologyEx</c> with a 3×3 cross, in yellow), and each bin's opening quad (the quad
/// that perception rectifies, <c>Cv2.Polylines</c>, in cyan) labelled with its bin id (<c>Cv2.PutText</c>). Stateless;
/// thread-safe.
/// </summary>
public static class FrameOverlay
{
    /// <summary>Colour of the band outline, BGR.</summary>
    public static readonly Scalar BandColor = new(0, 255, 255);

    /// <summary>Colour of the bin openings and their labels, BGR.</summary>
    public static readonly Scalar QuadColor = new(255, 255, 0);

    /// <summary>Renders the overlay as a new 8-bit BGR image of the frame's size (OpenCV's channel order, ready for
    /// <c>Cv2.ImWrite</c>); the caller disposes it.</summary>
    /// <param name="frame">The frame.</param>
    /// <returns>The overlay image, <c>CV_8UC3</c>, BGR.</returns>
    public static Mat Draw(RenderedFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int w = frame.Width, h = frame.Height;
        var overlay = new Mat();
        using (var rgb = Mat.FromPixelData(h, w, MatType.CV_8UC3, frame.Rgb))
        {
            Cv2.CvtColor(rgb, overlay, ColorConversionCodes.RGB2BGR);
        }

        using (var mask = Mat.FromPixelData(h, w, MatType.CV_8UC1, frame.BandMask))
        using (var kernel = Cv2.GetStructuringElement(MorphShapes.Cross, new Size(3, 3)))
        using (var outline = new Mat())
        {
            Cv2.MorphologyEx(mask, outline, MorphTypes.Gradient, kernel);
            overlay.SetTo(BandColor, outline);
        }

        foreach (var quad in frame.Quads.Where(q => q.IsValid))
        {
            // Quads are in the renderer's continuous pixel coordinates (pixel i spans [i, i+1)); OpenCV draws at pixel centres.
            var corners = quad.ToArray().Select(p => new Point((int)Math.Round(p.U - 0.5), (int)Math.Round(p.V - 0.5))).ToArray();
            Cv2.Polylines(overlay, [corners], isClosed: true, QuadColor, thickness: 1, LineTypes.Link8);
            Cv2.PutText(overlay, quad.Bin.ToString(), corners[0] + new Point(3, 12), HersheyFonts.HersheyPlain, 0.8, QuadColor, 1, LineTypes.Link8);
        }

        return overlay;
    }
}
