namespace Stow.Sim.Rendering;

using System.Text.Json;
using OpenCvSharp;

/// <summary>
/// Writes a rendered frame and its ground truth into a folder: <c>rgb.png</c>, <c>band_free_rgb.png</c>
/// (8-bit RGB), <c>band_mask.png</c> (8-bit grey, 255 = band, 0 = not; read as mask = value &gt; 127),
/// <c>depth.png</c>, <c>band_free_depth.png</c> (16-bit grey, millimetres, 0 = no return) and
/// <c>ground_truth.json</c> (camera, bin opening quads, capture time, seed, plus the caller's extra object), and
/// <c>overlay.png</c> (the report overlay of <see cref="FrameOverlay"/>: band outline and bin openings on the RGB image).
/// Images are encoded by OpenCV (<c>Cv2.ImWrite</c>; the frame's buffers are wrapped in <c>Mat</c>s, not copied,
/// and RGB is swapped to OpenCV's BGR order for the encoder). Stateless; thread-safe for different folders.
/// </summary>
public static class FrameWriter
{
    /// <summary>File names written into the folder.</summary>
    public static readonly IReadOnlyList<string> FileNames =
        ["rgb.png", "depth.png", "band_mask.png", "band_free_rgb.png", "band_free_depth.png", "ground_truth.json", "overlay.png"];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>Writes the frame; creates the folder if needed and overwrites existing files.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="folder">Output folder.</param>
    /// <param name="extra">Any JSON-serialisable object stored as <c>extra</c> (e.g. per-bin free-depth maps); may be null.</param>
    /// <exception cref="IOException">A file cannot be written.</exception>
    /// <exception cref="NotSupportedException">System.Text.Json cannot serialise <paramref name="extra"/>.</exception>
    public static void Write(RenderedFrame frame, string folder, object? extra = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        int w = frame.Width, h = frame.Height;
        WriteRgb(Path.Combine(folder, "rgb.png"), frame.Rgb, w, h);
        WriteRgb(Path.Combine(folder, "band_free_rgb.png"), frame.BandFreeRgb, w, h);
        using (var mask = Mat.FromPixelData(h, w, MatType.CV_8UC1, frame.BandMask))
        using (var grey = new Mat())
        {
            Cv2.Threshold(mask, grey, 0, 255, ThresholdTypes.Binary);
            Write(Path.Combine(folder, "band_mask.png"), grey);
        }

        using (var depth = Mat.FromPixelData(h, w, MatType.CV_16UC1, frame.Depth))
        {
            Write(Path.Combine(folder, "depth.png"), depth);
        }

        using (var depth = Mat.FromPixelData(h, w, MatType.CV_16UC1, frame.BandFreeDepth))
        {
            Write(Path.Combine(folder, "band_free_depth.png"), depth);
        }

        using (var overlay = FrameOverlay.Draw(frame))
        {
            Write(Path.Combine(folder, "overlay.png"), overlay);
        }

        var c = frame.Camera;
        var truth = new
        {
            captureTime = frame.CaptureTime,
            seed = frame.Seed,
            depthUnit = "mm",
            camera = new
            {
                fx = c.Fx,
                fy = c.Fy,
                cx = c.Cx,
                cy = c.Cy,
                width = c.Width,
                height = c.Height,
                frame = "pod face (x into pod, y left, z up); optical frame z forward, x right, y down",
                position = new[] { c.Pose.Position.X, c.Pose.Position.Y, c.Pose.Position.Z },
                orientationXyzw = new[] { c.Pose.Orientation.X, c.Pose.Orientation.Y, c.Pose.Orientation.Z, c.Pose.Orientation.W },
            },
            quads = frame.Quads.Select(q => new
            {
                bin = q.Bin.ToString(),
                cornersTlTrBrBl = q.ToArray().Select(p => new[] { p.U, p.V }).ToArray(),
            }).ToArray(),
            extra,
        };
        File.WriteAllText(Path.Combine(folder, "ground_truth.json"), JsonSerializer.Serialize(truth, Json));
    }

    private static void WriteRgb(string path, byte[] rgb, int w, int h)
    {
        using var image = Mat.FromPixelData(h, w, MatType.CV_8UC3, rgb);
        using var bgr = new Mat();
        Cv2.CvtColor(image, bgr, ColorConversionCodes.RGB2BGR);
        Write(path, bgr);
    }

    private static void Write(string path, Mat image)
    {
        bool written;
        try
        {
            written = Cv2.ImWrite(path, image);
        }
        catch (OpenCVException e)
        {
            throw new IOException($"{path}: OpenCV could not write the image: {e.Message}", e);
        }

        if (!written)
        {
            throw new IOException($"{path}: OpenCV could not write the image");
        }
    }
}
