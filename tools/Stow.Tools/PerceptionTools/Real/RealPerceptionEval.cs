using OpenCvSharp;
using Stow.Core.Ids;
using Stow.Perception.Onnx;
using Stow.Perception.Pipeline;
using Stow.Perception.Rectification;

namespace Stow.Tools.PerceptionTools.Real;

/// <summary>
/// Evaluates free-space estimation on the real APC 2016 bin-B frames (no bands: this checks the
/// geometric half of the pipeline on real sensor data). Per frame: the opening quad from the bin and
/// camera poses; (a) a geometric estimate (free depth = rectified relative depth clamped to [0, bin
/// depth], averaged per grid cell, holes skipped), (b) the band + space models (on hole-filled depth) through <see cref="PodSpacePipeline"/>
/// on a one-bin pod type, with no safety margin (<see cref="PodSpacePipeline.DepthMargin"/> = 0) and no geometric bound
/// (<see cref="PodSpacePipeline.GeometricBound"/> = false): this measures the learned estimate, not the planner's
/// conservative input (the bound counts every surface inside the bin volume, and the APC shelf's walls and lip fall inside it
/// wherever the bin model and camera poses are off by a centimetre, while the reference counts only the masked items); both against a reference built from the item masks: masked depth pixels
/// back-projected into the bin frame, per cell the smallest x of an item point (bin depth where none).
/// Single-threaded.
/// </summary>
public static class RealPerceptionEval
{
    /// <summary>Grid used when no models are given (the shipped space model's grid).</summary>
    public const int DefaultRows = 8;

    /// <summary>Grid columns used when no models are given.</summary>
    public const int DefaultCols = 12;

    /// <summary>Crop size of the geometric estimate when no models are given [px].</summary>
    public const int DefaultCropWidth = 48;

    /// <summary>Crop height of the geometric estimate when no models are given [px].</summary>
    public const int DefaultCropHeight = 32;

    /// <summary>A frame "sees the opening" when at least this fraction of the opening's area lies inside the image.</summary>
    public const double MinVisibleFraction = 0.9;

    /// <summary>Hole-fill passes on the model input (<see cref="DepthHoleFill"/>).</summary>
    public const int HoleFillPasses = 40;

    /// <summary>The frame set's folder under a data root (<c>../shared/data</c>).</summary>
    public static string FramesFolder(string dataRoot) => Path.Combine(dataRoot, "images", "apc2016_shelf_bin_rgbd");

    /// <summary>The bin-size file under a data root.</summary>
    public static string BinYaml(string dataRoot) => Path.Combine(dataRoot, "apc2016", "bin_upper_shelf.yaml");

    /// <summary>Opens the set and the bin geometry under <paramref name="dataRoot"/>.</summary>
    /// <exception cref="FileNotFoundException">A file is missing (named).</exception>
    /// <exception cref="FormatException">A file is malformed (named, with the line).</exception>
    public static (ApcFrameSet Set, ApcBinGeometry Bin) Open(string dataRoot)
    {
        var set = ApcFrameSet.Open(FramesFolder(dataRoot));
        var bin = ApcBinGeometry.Load(BinYaml(dataRoot), set.Info.BinId, set.Info.BinToWorld);
        return (set, bin);
    }

    /// <summary>Runs the evaluation; <paramref name="band"/>/<paramref name="space"/> null = geometric only.</summary>
    public static RealPerceptionFigures Run(ApcFrameSet set, ApcBinGeometry bin, OnnxModel? band, OnnxModel? space)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(bin);
        var pod = bin.PodType();
        var list = new List<RealFrameFigures>();
        for (var i = 0; i < set.Count; i++)
        {
            var frame = set.Load(i);
            var quad = bin.Quad(frame.CameraToWorld, set.Info.ColorK);
            var visible = ApcBinGeometry.VisibleFraction(quad, frame.Width, frame.Height);
            var depthMm = frame.Depth.Select(d => (ushort)Math.Clamp(Math.Round(d * 1000), 0, ushort.MaxValue)).ToArray();
            int rows = DefaultRows, cols = DefaultCols, cw = DefaultCropWidth, ch = DefaultCropHeight;
            float[]? modelMap = null;
            double? modelVolume = null;
            double? headVolume = null;
            if (band is not null && space is not null)
            {
                var k = set.Info.ColorK;
                using var pipeline = new PodSpacePipeline(band, space, pod, [quad], (k[0], k[4], k[2] - 0.5, k[5] - 0.5)) { DepthMargin = 0, GeometricBound = false };
                (rows, cols, cw, ch) = (pipeline.GridRows, pipeline.GridCols, pipeline.CropWidth, pipeline.CropHeight);
                var filled = DepthHoleFill.Fill(depthMm, frame.Width, frame.Height, HoleFillPasses);
                var est = pipeline.PerceiveBin(new BinId(0, 0), new RgbdFrame(frame.Rgb, filled, frame.Width, frame.Height, i));
                modelMap = est.FreeDepth;
                modelVolume = SimPerceptionEval.MapVolume(pod.Bins[0], modelMap, rows, cols);
                headVolume = pipeline.HasVolumeHead ? est.FreeVolume : null;
            }

            var reference = Reference(frame, bin, set.Info.ColorK, rows, cols, out var itemPoints);
            var geometric = Geometric(frame, depthMm, quad, bin.Depth, cw, ch, rows, cols);
            var cell = bin.Width / cols * (bin.Height / rows);
            list.Add(new RealFrameFigures(
                i, visible >= MinVisibleFraction, visible, frame.Depth.Count(d => d > 0) / (double)frame.Depth.Length, reference.Sum() * cell, geometric.Sum() * cell, modelVolume,
                Mae(geometric, reference), modelMap is null ? null : Mae(modelMap, reference), itemPoints,
                MedianDiff(frame.RegisteredRawDepth, frame.Depth), headVolume));
        }

        var seen = list.Where(f => f.SeesOpening).ToList();
        var used = seen.Count > 0 ? seen : list;
        var v = bin.Volume;
        var modelsRun = band is not null && space is not null;
        var geoErr = used.Average(f => Math.Abs(f.GeometricFreeVolume - f.ReferenceFreeVolume)) / v * 100;
        var modelErr = modelsRun ? used.Average(f => Math.Abs(f.ModelFreeVolume!.Value - f.ReferenceFreeVolume)) / v * 100 : geoErr;
        return new RealPerceptionFigures(
            list.Count, seen.Count, v, modelErr, modelsRun ? used.Average(f => f.ModelDepthMae!.Value) : null,
            geoErr, used.Average(f => f.GeometricDepthMae), used.Average(f => f.ReferenceFreeVolume) / v * 100, modelsRun, list);
    }

    /// <summary>
    /// Reference free-depth map on the bin grid (row 0 at the floor, column 0 at the right wall) [m]: masked
    /// item pixels with depth are back-projected (colour intrinsics, toolbox 1-based pixels), mapped into the
    /// bin frame, and each cell keeps the smallest x (clamped to [0, depth]); cells without item points keep the bin depth.
    /// </summary>
    public static float[] Reference(ApcFrame frame, ApcBinGeometry bin, double[] colorK, int rows, int cols, out int itemPoints)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(bin);
        ArgumentNullException.ThrowIfNull(colorK);
        var camToBin = bin.BinToWorld.InverseRigid().Multiply(frame.CameraToWorld);
        var map = new float[rows * cols];
        Array.Fill(map, (float)bin.Depth);
        itemPoints = 0;
        for (var v = 0; v < frame.Height; v++)
        {
            for (var u = 0; u < frame.Width; u++)
            {
                var p = (v * frame.Width) + u;
                var z = frame.Depth[p];
                if (!frame.ItemMask[p] || z <= 0)
                {
                    continue;
                }

                var (bx, by, bz) = ApcBinGeometry.CameraToBin(camToBin, bin.Width, (u + 1 - colorK[2]) * z / colorK[0], (v + 1 - colorK[5]) * z / colorK[4], z);
                if (by < 0 || by >= bin.Width || bz < 0 || bz >= bin.Height || bx > bin.Depth)
                {
                    continue;
                }

                itemPoints++;
                var k = ((int)(bz / bin.Height * rows) * cols) + (int)(by / bin.Width * cols);
                map[k] = Math.Min(map[k], (float)Math.Max(0, bx));
            }
        }

        return map;
    }

    /// <summary>
    /// Geometric free-depth map on the bin grid [m]: the rectified crop's relative depth (depth − opening-plane
    /// depth) clamped to [0, <paramref name="binDepth"/>], averaged over each cell's crop pixels with a depth
    /// return (cells with none count as empty: <paramref name="binDepth"/>), then flipped from image to bin orientation.
    /// </summary>
    public static float[] Geometric(ApcFrame frame, ushort[] depthMm, OpeningQuad quad, double binDepth, int cropWidth, int cropHeight, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(frame);
        using var map = new BinRectification(quad, cropWidth, cropHeight);
        var n = cropWidth * cropHeight;
        var crop = new float[BinRectification.Channels * n];
        using (var rgb = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_8UC3, frame.Rgb))
        using (var depth = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_16UC1, depthMm))
        {
            map.Rectify(rgb, depth, crop);
        }

        var sum = new double[rows * cols];
        var count = new int[rows * cols];
        for (var i = 0; i < cropHeight; i++)
        {
            for (var j = 0; j < cropWidth; j++)
            {
                var d = crop[(3 * n) + (i * cropWidth) + j];
                if (d == BinRectification.MissingDepth)
                {
                    continue;
                }

                var k = (i * rows / cropHeight * cols) + (j * cols / cropWidth);
                sum[k] += Math.Clamp(d, 0, binDepth);
                count[k]++;
            }
        }

        var result = new float[rows * cols];
        for (var k = 0; k < result.Length; k++)
        {
            // Image orientation (row 0 top, column 0 image-left) reversed on both axes is the bin grid.
            result[result.Length - 1 - k] = count[k] == 0 ? (float)binDepth : (float)(sum[k] / count[k]);
        }

        return result;
    }

    private static double Mae(float[] a, float[] b)
    {
        double s = 0;
        for (var k = 0; k < a.Length; k++)
        {
            s += Math.Abs(a[k] - b[k]);
        }

        return s / a.Length;
    }

    private static double MedianDiff(float[] a, float[] b)
    {
        var d = new List<float>(a.Length);
        for (var k = 0; k < a.Length; k++)
        {
            if (a[k] > 0 && b[k] > 0)
            {
                d.Add(Math.Abs(a[k] - b[k]));
            }
        }

        if (d.Count == 0)
        {
            return double.NaN;
        }

        d.Sort();
        return d[d.Count / 2];
    }
}
