using System.Globalization;
using OpenCvSharp;

namespace Stow.Tools.PerceptionTools.Real;

/// <summary>
/// Loads the APC 2016 shelf-bin RGB-D set (<c>../shared/data/images/apc2016_shelf_bin_rgbd</c>, from
/// andyzeng/apc-vision-toolbox <c>data/sample/scene-0000</c>). Depth PNGs are 16-bit, stored circularly
/// bit-shifted right by 3 bits, in 0.1 mm (toolbox <c>readDepth.m</c>): depth [m] = rotl16(v, 13) / 10000.
/// <c>frame-*.depth.png</c> is already aligned to the colour image; <c>raw/frame-*.depth.png</c> is in the
/// depth camera and is registered here with the depth intrinsics and depth-to-colour extrinsics.
/// Item pixels: <c>segm/frame-*.segm.png</c> is the toolbox's 8-bit label image of the four items (one grey level per
/// item, 0 = none); <c>masks/</c> holds 16-bit per-item confidence maps (value / 65535, peak ≈ 0.7), thresholded at
/// <c>masks/&lt;item&gt;.thresh.txt</c>. Those thresholded maps alone keep only 5–27 k pixels per frame (frame 2: 5 k,
/// while its four items cover ≈ 55 k), so the item mask is their union with the label image.
/// Images are decoded by OpenCV (<c>Cv2.ImRead</c>: colour as 8-bit BGR, swapped to RGB; grey images unchanged, 8 or 16 bits).
/// </summary>
public sealed class ApcFrameSet
{
    private ApcFrameSet(string folder, ApcCamInfo info, IReadOnlyDictionary<string, double> thresholds)
    {
        Folder = folder;
        Info = info;
        Thresholds = thresholds;
    }

    /// <summary>The set's folder.</summary>
    public string Folder { get; }

    /// <summary>The parsed <c>cam.info.txt</c>.</summary>
    public ApcCamInfo Info { get; }

    /// <summary>Mask threshold per item (confidence in [0, 1]).</summary>
    public IReadOnlyDictionary<string, double> Thresholds { get; }

    /// <summary>Number of frames (one camera pose each).</summary>
    public int Count => Info.CameraToWorld.Count;

    /// <summary>Opens a set and checks that every file of every frame is present.</summary>
    /// <exception cref="FileNotFoundException">A file is missing (named).</exception>
    /// <exception cref="FormatException">cam.info.txt or a threshold file is malformed (file and line named).</exception>
    public static ApcFrameSet Open(string folder)
    {
        var info = ApcCamInfo.Load(Path.Combine(folder, "cam.info.txt"));
        var thresholds = new Dictionary<string, double>();
        foreach (var item in info.Objects)
        {
            var file = Path.Combine(folder, "masks", $"{item}.thresh.txt");
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"{file}: mask threshold file is missing", file);
            }

            var text = File.ReadAllText(file).Trim();
            thresholds[item] = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var t)
                ? t
                : throw new FormatException($"{file}:1: '{text}' is not a number");
        }

        var set = new ApcFrameSet(folder, info, thresholds);
        for (var i = 0; i < set.Count; i++)
        {
            foreach (var f in set.FilesOf(i))
            {
                if (!File.Exists(f))
                {
                    throw new FileNotFoundException($"{f}: frame {i} file is missing", f);
                }
            }
        }

        return set;
    }

    /// <summary>Decodes one stored depth sample to metres (0 stays 0).</summary>
    public static float DecodeDepth(ushort stored) => (ushort)((stored << 13) | (stored >> 3)) / 10000f;

    /// <summary>Loads frame <paramref name="index"/>.</summary>
    /// <exception cref="InvalidDataException">An image is not what the set promises (file named).</exception>
    public ApcFrame Load(int index)
    {
        var files = FilesOf(index);
        byte[] rgb;
        int w, h;
        using (var bgr = Cv2.ImRead(files[0], ImreadModes.Color))
        {
            if (bgr.Empty())
            {
                throw new InvalidDataException($"{files[0]}: not an image OpenCV can read");
            }

            w = bgr.Width;
            h = bgr.Height;
            using var colour = new Mat();
            Cv2.CvtColor(bgr, colour, ColorConversionCodes.BGR2RGB);
            rgb = colour.AsSpan<byte>().ToArray();
        }

        var depth = ReadDepth(files[1], w, h);
        var raw = ReadDepth(files[2], w, h);
        var mask = new bool[w * h];
        for (var k = 0; k < Info.Objects.Count; k++)
        {
            var m = ReadGrey(files[3 + k], w, h);
            var t = (ushort)Math.Round(Thresholds[Info.Objects[k]] * 65535);
            for (var p = 0; p < m.Length; p++)
            {
                mask[p] |= m[p] > t;
            }
        }

        var segm = ReadGrey(files[^1], w, h);
        for (var p = 0; p < segm.Length; p++)
        {
            mask[p] |= segm[p] != 0;
        }

        return new ApcFrame(index, w, h, rgb, depth, Register(raw, w, h), mask, Info.CameraToWorld[index]);
    }

    /// <summary>
    /// Registers a depth-camera image to the colour camera: back-project each depth pixel with the depth
    /// intrinsics, map it by the depth-to-colour extrinsics, project with the colour intrinsics and keep the
    /// nearest surface per colour pixel (z-buffer). Pixel coordinates follow the toolbox (1-based).
    /// </summary>
    public float[] Register(float[] rawDepth, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(rawDepth);
        var dk = Info.DepthK;
        var ck = Info.ColorK;
        var outDepth = new float[width * height];
        for (var v = 0; v < height; v++)
        {
            for (var u = 0; u < width; u++)
            {
                var z = rawDepth[(v * width) + u];
                if (z <= 0)
                {
                    continue;
                }

                var (x, y, zc) = Info.DepthToColor.Apply((u + 1 - dk[2]) * z / dk[0], (v + 1 - dk[5]) * z / dk[4], z);
                if (zc <= 0)
                {
                    continue;
                }

                var cu = (int)Math.Round((ck[0] * x / zc) + ck[2]) - 1;
                var cv = (int)Math.Round((ck[4] * y / zc) + ck[5]) - 1;
                if (cu < 0 || cv < 0 || cu >= width || cv >= height)
                {
                    continue;
                }

                ref var d = ref outDepth[(cv * width) + cu];
                if (d == 0 || zc < d)
                {
                    d = (float)zc;
                }
            }
        }

        return outDepth;
    }

    private string[] FilesOf(int i)
    {
        var stem = $"frame-{i.ToString("D6", CultureInfo.InvariantCulture)}";
        var list = new List<string>
        {
            Path.Combine(Folder, $"{stem}.color.png"),
            Path.Combine(Folder, $"{stem}.depth.png"),
            Path.Combine(Folder, "raw", $"{stem}.depth.png"),
        };
        list.AddRange(Info.Objects.Select(o => Path.Combine(Folder, "masks", $"{stem}.{o}.mask.png")));
        list.Add(Path.Combine(Folder, "segm", $"{stem}.segm.png"));
        return [.. list];
    }

    private static float[] ReadDepth(string file, int w, int h)
    {
        var stored = ReadGrey(file, w, h);
        var m = new float[stored.Length];
        for (var p = 0; p < m.Length; p++)
        {
            m[p] = DecodeDepth(stored[p]);
        }

        return m;
    }

    /// <summary>Reads an 8- or 16-bit single-channel image of the colour image's size; samples unscaled (8-bit stays 0..255).</summary>
    private static ushort[] ReadGrey(string file, int w, int h)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{file}: file is missing", file);
        }

        using var image = Cv2.ImRead(file, ImreadModes.Unchanged);
        if (image.Empty())
        {
            throw new InvalidDataException($"{file}: not an image OpenCV can read");
        }

        if (image.Channels() != 1 || (image.Depth() != MatType.CV_8U && image.Depth() != MatType.CV_16U))
        {
            throw new InvalidDataException($"{file}: {image.Channels()}-channel image of OpenCV depth {image.Depth()}; only 8/16-bit grey is read");
        }

        if (image.Width != w || image.Height != h)
        {
            throw new InvalidDataException($"{file}: {image.Width}x{image.Height} px, the colour image is {w}x{h}");
        }

        if (image.Depth() == MatType.CV_16U)
        {
            return image.AsSpan<ushort>().ToArray();
        }

        using var wide = new Mat();
        image.ConvertTo(wide, MatType.CV_16UC1);
        return wide.AsSpan<ushort>().ToArray();
    }
}
