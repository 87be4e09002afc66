namespace Stow.Sim.Rendering;

using System.Text.Json;
using ImageMagick;

/// <summary>
/// Writes a rendered frame and its ground truth into a folder: <c>rgb.png</c>, <c>band_free_rgb.png</c>
/// (8-bit RGB), <c>band_mask.png</c> (8-bit grey, 255 = band, 0 = not; read as mask = value &gt; 127),
/// <c>depth.png</c>, <c>band_free_depth.png</c> (16-bit grey, millimetres, 0 = no return) and
/// <c>ground_truth.json</c> (camera, bin opening quads, capture time, seed, plus the caller's extra object).
/// 8-bit images go through Magick.NET; 16-bit depth through <see cref="DepthPng"/>, because the pinned
/// Magick.NET-Q8 keeps only 8 bits per sample. Stateless; thread-safe for different folders.
/// </summary>
public static class FrameWriter
{
    /// <summary>File names written into the folder.</summary>
    public static readonly IReadOnlyList<string> FileNames =
        ["rgb.png", "depth.png", "band_mask.png", "band_free_rgb.png", "band_free_depth.png", "ground_truth.json"];

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
        var mask = new byte[frame.BandMask.Length * 3];
        for (var i = 0; i < frame.BandMask.Length; i++)
        {
            var v = frame.BandMask[i] != 0 ? (byte)255 : (byte)0;
            mask[3 * i] = mask[(3 * i) + 1] = mask[(3 * i) + 2] = v;
        }

        using (var image = new MagickImage(mask, new PixelReadSettings((uint)w, (uint)h, StorageType.Char, PixelMapping.RGB)))
        {
            image.ColorType = ColorType.Grayscale;
            image.Write(Path.Combine(folder, "band_mask.png"), MagickFormat.Png8);
        }

        DepthPng.Write(Path.Combine(folder, "depth.png"), frame.Depth, w, h);
        DepthPng.Write(Path.Combine(folder, "band_free_depth.png"), frame.BandFreeDepth, w, h);
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
        using var image = new MagickImage(rgb, new PixelReadSettings((uint)w, (uint)h, StorageType.Char, PixelMapping.RGB));
        image.Write(path, MagickFormat.Png24);
    }
}
