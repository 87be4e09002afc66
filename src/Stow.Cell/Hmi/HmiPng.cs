using OpenCvSharp;

namespace Stow.Cell.Hmi;

/// <summary>
/// Writes an <see cref="HmiFrame"/> as a PNG with OpenCV (<c>Cv2.ImEncode</c>), the band mask tinted half-way to
/// magenta where its probability exceeds 0.5. Stateless and thread-safe.
/// </summary>
public static class HmiPng
{
    /// <summary>Encodes <paramref name="frame"/> with its band mask drawn in.</summary>
    /// <exception cref="ArgumentException">Buffer sizes do not match the width and height.</exception>
    public static byte[] EncodeWithMask(HmiFrame frame)
    {
        int w = frame.Width, h = frame.Height;
        if (w <= 0 || h <= 0 || frame.Rgb.Length != w * h * 3 || (frame.BandMask is { } m && m.Length != w * h))
        {
            throw new ArgumentException($"frame {w}x{h}: RGB has {frame.Rgb.Length} bytes (want {w * h * 3}), mask {frame.BandMask?.Length} values (want {w * h})", nameof(frame));
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

        Cv2.ImEncode(".png", bgr, out var png);
        return png;
    }
}
