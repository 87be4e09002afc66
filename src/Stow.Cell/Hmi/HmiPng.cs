using OpenCvSharp;

namespace Stow.Cell.Hmi;

/// <summary>
/// Writes an <see cref="HmiFrame"/> as a PNG with OpenCV (<c>Cv2.ImEncode</c>) with the overlay drawn in, per bin: the
/// band mask tinted half-way to magenta where its probability exceeds 0.5, the largest free box filled
/// <see cref="FreeAlpha"/> of the way to <see cref="FreeRgb"/> and outlined in it, and the bin opening outlined
/// (<see cref="OutlineRgb"/> for the bin just perceived, <see cref="NeighbourRgb"/> for its neighbours) with its id and
/// free share written in its top-left corner. Stateless and thread-safe.
/// </summary>
public static class HmiPng
{
    /// <summary>Colour of the free-space box (RGB), also in the page's legend.</summary>
    public static readonly (byte R, byte G, byte B) FreeRgb = (52, 224, 122);

    /// <summary>Colour of the bin outline (RGB), also in the page's legend.</summary>
    public static readonly (byte R, byte G, byte B) OutlineRgb = (255, 212, 0);

    /// <summary>Colour of the neighbouring bins' outlines and labels (RGB).</summary>
    public static readonly (byte R, byte G, byte B) NeighbourRgb = (200, 205, 210);

    /// <summary>Scale of OpenCV's Hershey simplex font for the bin labels (about 13 px high).</summary>
    private const double FontScale = 0.6;

    /// <summary>How far the free box's pixels are blended towards <see cref="FreeRgb"/>.</summary>
    public const double FreeAlpha = 0.4;

    /// <summary>Fixed-point bits of the drawn corners (OpenCV's <c>shift</c>): 1/16 px.</summary>
    private const int Shift = 4;

    /// <summary>Encodes <paramref name="frame"/> with its overlay drawn in.</summary>
    /// <exception cref="ArgumentException">Buffer sizes do not match the width and height, or a quad has not 8 values (0 allowed for a free box).</exception>
    public static byte[] EncodeWithMask(HmiFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int w = frame.Width, h = frame.Height;
        if (w <= 0 || h <= 0 || frame.Rgb.Length != w * h * 3 || (frame.BandMask is { } m && m.Length != w * h))
        {
            throw new ArgumentException($"frame {w}x{h}: RGB has {frame.Rgb.Length} bytes (want {w * h * 3}), mask {frame.BandMask?.Length} values (want {w * h})", nameof(frame));
        }

        foreach (var b in frame.Bins)
        {
            if (b.Outline.Length != 8 || b.FreeBox.Length is not (0 or 8))
            {
                throw new ArgumentException($"frame of bin {frame.Bin}: bin {b.Bin}'s outline has {b.Outline.Length} values, its free box {b.FreeBox.Length} (want 8, and 8 or 0)", nameof(frame));
            }
        }

        using var rgb = Mat.FromPixelData(h, w, MatType.CV_8UC3, frame.Rgb);
        using var bgr = new Mat();
        Cv2.CvtColor(rgb, bgr, ColorConversionCodes.RGB2BGR);
        if (frame.BandMask is { } probabilities)
        {
            using var prob = Mat.FromPixelData(h, w, MatType.CV_32FC1, probabilities);
            using var above = new Mat();
            Cv2.Threshold(prob, above, 0.5, 255, ThresholdTypes.Binary);
            using var mask = new Mat();
            above.ConvertTo(mask, MatType.CV_8UC1);
            using var magenta = new Mat(h, w, MatType.CV_8UC3, new Scalar(255, 0, 255));
            using var tinted = new Mat();
            Cv2.AddWeighted(bgr, 0.5, magenta, 0.5, 0, tinted);
            tinted.CopyTo(bgr, mask);
        }

        var free = new Scalar(FreeRgb.B, FreeRgb.G, FreeRgb.R);
        var boxes = frame.Bins.Where(b => b.FreeBox.Length == 8).Select(b => Quad(b.FreeBox)).ToArray();
        if (boxes.Length > 0)
        {
            using var inside = new Mat(h, w, MatType.CV_8UC1, Scalar.All(0));
            Cv2.FillPoly(inside, boxes, Scalar.All(255), LineTypes.Link8, Shift);
            using var green = new Mat(h, w, MatType.CV_8UC3, free);
            using var blended = new Mat();
            Cv2.AddWeighted(bgr, 1 - FreeAlpha, green, FreeAlpha, 0, blended);
            blended.CopyTo(bgr, inside);
            Cv2.Polylines(bgr, boxes, true, free, 2, LineTypes.AntiAlias, Shift);
        }

        // Neighbours thin and pale, the current bin last and thick, each with its bin id and free share.
        foreach (var b in frame.Bins.OrderBy(b => b.Current))
        {
            var colour = b.Current ? new Scalar(OutlineRgb.B, OutlineRgb.G, OutlineRgb.R) : new Scalar(NeighbourRgb.B, NeighbourRgb.G, NeighbourRgb.R);
            Cv2.Polylines(bgr, [Quad(b.Outline)], true, colour, b.Current ? 3 : 1, LineTypes.AntiAlias, Shift);
            var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{b.Bin} {b.FreeFraction * 100:F0}% free");
            var size = Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, FontScale, 1, out var baseline);
            var at = new Point((int)Math.Round(Math.Min(b.Outline[0], b.Outline[6])) + 4, (int)Math.Round(Math.Min(b.Outline[1], b.Outline[3])) + 4);
            Cv2.Rectangle(bgr, new Rect(at.X, at.Y, size.Width + 6, size.Height + baseline + 4), new Scalar(20, 20, 20), -1);
            Cv2.PutText(bgr, text, new Point(at.X + 3, at.Y + size.Height + 2), HersheyFonts.HersheySimplex, FontScale, colour, 1, LineTypes.AntiAlias);
        }

        Cv2.ImEncode(".png", bgr, out var png);
        return png;
    }

    private static Point[] Quad(double[] xy) =>
        [.. Enumerable.Range(0, 4).Select(i => new Point((int)Math.Round(xy[2 * i] * (1 << Shift)), (int)Math.Round(xy[(2 * i) + 1] * (1 << Shift))))];
}
