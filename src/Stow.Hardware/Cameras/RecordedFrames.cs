using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using OpenCvSharp;
using Stow.Core.Geometry;

namespace Stow.Hardware.Cameras;

/// <summary>
/// Reads a folder of recorded RGB-D frames and its calibration (<see cref="RecordedFrameLayout"/>) with OpenCV's image
/// codecs: colour as 8-bit RGB, depth as 16-bit single-channel PNG converted to metres. Every frame is checked before any
/// is served: a missing file, a wrong bit depth or channel count, RGB and depth of different sizes, or a missing or
/// unreadable calibration is a <see cref="RecordedFrameException"/> naming the file. Stateless; thread-safe.
/// </summary>
public static class RecordedFrames
{
    private static readonly string[] ArcFrames = ["background", "input"];

    /// <summary>Loads every frame of <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="camera">For <see cref="RecordedFrameLayout.Arc2017"/>: which camera's frames (N of <c>camera-N</c>); ignored otherwise.</param>
    /// <returns>The frames with their calibration.</returns>
    /// <exception cref="RecordedFrameException">Anything is missing or unusable; the message names the file.</exception>
    public static RecordedFrameSet Load(string folder, int camera = 0)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new RecordedFrameException(folder, "folder of recorded frames does not exist");
        }

        if (File.Exists(Path.Combine(folder, "ground_truth.json")))
        {
            return LoadSim(folder);
        }

        if (File.Exists(Path.Combine(folder, "cam.info.txt")))
        {
            var stems = Directory.EnumerateFiles(folder, "frame-*.color.png").Select(f => Path.GetFileName(f)[..^".color.png".Length]).Order(StringComparer.Ordinal).ToList();
            var k = ReadMatrix(Path.Combine(folder, "cam.info.txt"), "# Color camera intrinsic matrix");
            return Build(folder, RecordedFrameLayout.Apc2016, stems, k, Pose.Identity, ApcDepth);
        }

        var arcCalibration = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"camera-{camera}.intrinsics.txt"));
        if (Directory.EnumerateFiles(folder, "camera-*.intrinsics.txt").Any())
        {
            if (!File.Exists(arcCalibration))
            {
                throw new RecordedFrameException(arcCalibration, "calibration of the requested camera is missing");
            }

            var stems = ArcFrames.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s}-{camera}"))
                .Where(s => File.Exists(Path.Combine(folder, s + ".color.png")) || File.Exists(Path.Combine(folder, s + ".depth.png"))).ToList();
            return Build(folder, RecordedFrameLayout.Arc2017, stems, ReadMatrix(arcCalibration, null), Pose.Identity, v => v / 10000f);
        }

        throw new RecordedFrameException(folder,
            "no calibration found: expected ground_truth.json (sim render), cam.info.txt (APC 2016) or camera-N.intrinsics.txt (ARC 2017)");
    }

    /// <summary>APC 2016 depth: 0.1 mm, stored circularly shifted right by 3 bits (apc-vision-toolbox <c>readDepth.m</c>).</summary>
    /// <param name="stored">The PNG sample.</param>
    /// <returns>Depth [m]; 0 stays 0.</returns>
    public static float ApcDepth(ushort stored) => (ushort)((stored << 13) | (stored >> 3)) / 10000f;

    private static RecordedFrameSet LoadSim(string folder)
    {
        var calibration = Path.Combine(folder, "ground_truth.json");
        double[] k;
        Pose pose;
        int width, height;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(calibration));
            var c = doc.RootElement.GetProperty("camera");
            k = [c.GetProperty("fx").GetDouble(), 0, c.GetProperty("cx").GetDouble(), 0, c.GetProperty("fy").GetDouble(), c.GetProperty("cy").GetDouble(), 0, 0, 1];
            width = c.GetProperty("width").GetInt32();
            height = c.GetProperty("height").GetInt32();
            var p = c.GetProperty("position").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var q = c.GetProperty("orientationXyzw").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            pose = new Pose(new Vec3(p[0], p[1], p[2]), new Quat(q[0], q[1], q[2], q[3]));
            var depthUnit = doc.RootElement.TryGetProperty("depthUnit", out var u) ? u.GetString() : "mm";
            if (depthUnit != "mm")
            {
                throw new RecordedFrameException(calibration, $"depthUnit '{depthUnit}' is not 'mm'");
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or FormatException and not RecordedFrameException)
        {
            throw new RecordedFrameException(calibration, "camera calibration is unreadable: " + e.Message);
        }

        var set = Build(folder, RecordedFrameLayout.SimRender, ["rgb"], k, pose, v => v / 1000f, depthName: "depth.png", colorName: "rgb.png");
        if (set.Intrinsics.Width != width || set.Intrinsics.Height != height)
        {
            throw new RecordedFrameException(calibration, string.Create(CultureInfo.InvariantCulture,
                $"calibration is for {width}x{height} images, the frames are {set.Intrinsics.Width}x{set.Intrinsics.Height}"));
        }

        return set;
    }

    private static RecordedFrameSet Build(
        string folder, RecordedFrameLayout layout, IReadOnlyList<string> stems, double[] k, Pose pose, Func<ushort, float> depthToMetres,
        string? depthName = null, string? colorName = null)
    {
        if (stems.Count == 0)
        {
            throw new RecordedFrameException(folder, $"no frames of the {layout} layout in the folder");
        }

        var frames = new List<RecordedFrame>(stems.Count);
        int width = 0, height = 0;
        foreach (var stem in stems)
        {
            var colorPath = Path.Combine(folder, colorName ?? stem + ".color.png");
            var depthPath = Path.Combine(folder, depthName ?? stem + ".depth.png");
            var (rgb, w, h) = ReadRgb(colorPath);
            var (depth, dw, dh) = ReadDepth(depthPath, depthToMetres);
            if (dw != w || dh != h)
            {
                throw new RecordedFrameException(depthPath, string.Create(CultureInfo.InvariantCulture,
                    $"depth is {dw}x{dh} but its colour image {Path.GetFileName(colorPath)} is {w}x{h}"));
            }

            if (frames.Count > 0 && (w != width || h != height))
            {
                throw new RecordedFrameException(colorPath, string.Create(CultureInfo.InvariantCulture, $"frame is {w}x{h}, the folder's first frame {width}x{height}"));
            }

            (width, height) = (w, h);
            frames.Add(new RecordedFrame(Path.GetFileName(colorPath), rgb, depth));
        }

        return new RecordedFrameSet(folder, layout, new CameraIntrinsics(width, height, k[0], k[4], k[2], k[5]), pose, frames);
    }

    private static Mat ReadImage(string path)
    {
        if (!File.Exists(path))
        {
            throw new RecordedFrameException(path, "file is missing");
        }

        var m = Cv2.ImRead(path, ImreadModes.Unchanged);
        if (m.Empty())
        {
            m.Dispose();
            throw new RecordedFrameException(path, "not a readable image");
        }

        return m;
    }

    private static (byte[] Rgb, int Width, int Height) ReadRgb(string path)
    {
        using var m = ReadImage(path);
        if (m.Depth() != MatType.CV_8U || m.Channels() is not (3 or 4))
        {
            throw new RecordedFrameException(path, string.Create(CultureInfo.InvariantCulture,
                $"colour image has {m.Channels()} channel(s) of {m.ElemSize1() * 8} bits, expected 8-bit RGB"));
        }

        using var rgb = new Mat();
        Cv2.CvtColor(m, rgb, m.Channels() == 4 ? ColorConversionCodes.BGRA2RGB : ColorConversionCodes.BGR2RGB);
        var bytes = new byte[rgb.Rows * rgb.Cols * 3];
        Marshal.Copy(rgb.Data, bytes, 0, bytes.Length);
        return (bytes, rgb.Cols, rgb.Rows);
    }

    private static (float[] Depth, int Width, int Height) ReadDepth(string path, Func<ushort, float> toMetres)
    {
        using var m = ReadImage(path);
        if (m.Type() != MatType.CV_16UC1)
        {
            throw new RecordedFrameException(path, string.Create(CultureInfo.InvariantCulture,
                $"depth image has {m.Channels()} channel(s) of {m.ElemSize1() * 8} bits, expected one 16-bit channel"));
        }

        var n = m.Rows * m.Cols;
        var raw = new short[n];
        using var copy = m.IsContinuous() ? null : m.Clone();
        Marshal.Copy((copy ?? m).Data, raw, 0, n);
        var depth = new float[n];
        for (var i = 0; i < n; i++)
        {
            depth[i] = toMetres(unchecked((ushort)raw[i]));
        }

        return (depth, m.Cols, m.Rows);
    }

    private static double[] ReadMatrix(string path, string? header)
    {
        if (!File.Exists(path))
        {
            throw new RecordedFrameException(path, "camera calibration is missing");
        }

        var lines = File.ReadAllLines(path);
        var start = header is null ? 0 : Array.FindIndex(lines, l => l.Trim().Equals(header, StringComparison.Ordinal)) + 1;
        if (header is not null && start == 0)
        {
            throw new RecordedFrameException(path, $"no '{header}' section");
        }

        var values = new List<double>(9);
        for (var i = start; i < lines.Length && values.Count < 9; i++)
        {
            foreach (var token in lines[i].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    throw new RecordedFrameException(path, string.Create(CultureInfo.InvariantCulture, $"line {i + 1}: '{token}' is not a number"));
                }

                values.Add(v);
            }
        }

        if (values.Count < 9 || values[0] <= 0 || values[4] <= 0)
        {
            throw new RecordedFrameException(path, "needs a 3x3 intrinsic matrix with positive focal lengths");
        }

        return [.. values.Take(9)];
    }
}
