using System.Text.Json;
using OpenCvSharp;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.Operator;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Perception.Rectification;
using Stow.Sim.Rendering;
using Stow.Sim.World;

namespace Stow.Tools.PerceptionTools;

/// <summary>
/// Writes a training or evaluation set for the band and space models from simulator renders: per
/// scene seed, a prefilled pod is rendered with the default camera and every bin is rectified into
/// a crop (see <see cref="BinRectification"/>) with its targets. Files (.npy, float32):
/// <c>x_obs</c> (N,4,H,W), <c>x_ray</c> (N,2,H,W) viewing rays, <c>y_mask</c> (N,1,H,W), <c>y_free</c> (N,4,H,W), <c>y_depth</c> (N,1,GR,GC) in
/// image orientation, <c>y_vol</c> (N,1) the bin's true free volume (bin volume less its contents, hidden space included) as a
/// fraction of the bin volume, plus <c>meta.json</c>. N = seeds × bins. Single-threaded.
/// </summary>
public static class PerceptionDataset
{
    /// <summary>Crop width [px] of the shipped models.</summary>
    public const int CropWidth = 48;

    /// <summary>Crop height [px] of the shipped models.</summary>
    public const int CropHeight = 32;

    /// <summary>Free-depth grid rows of the shipped models.</summary>
    public const int GridRows = 8;

    /// <summary>Free-depth grid columns of the shipped models.</summary>
    public const int GridCols = 12;

    /// <summary>Builds the set with the single face camera and returns the number of crops.</summary>
    public static int Write(PodType type, IReadOnlyList<Item> items, IReadOnlyList<int> seeds, string outDir, string? arcImages) =>
        Write(type, items, seeds, outDir, arcImages, CameraRig.Tower(type, 1));

    /// <summary>Builds the set, each bin cropped from the frame of its camera in <paramref name="rig"/>, and returns the number of crops.</summary>
    public static int Write(PodType type, IReadOnlyList<Item> items, IReadOnlyList<int> seeds, string outDir, string? arcImages, CameraRig rig)
    {
        Directory.CreateDirectory(outDir);
        var camera = rig.Cameras[0];
        var renderers = rig.Cameras.Select(c => new PodFaceRenderer(c)).ToArray();
        var maps = SimScenes.Quads(rig, type).Select(q => new BinRectification(q, CropWidth, CropHeight)).ToArray();
        var bins = type.Bins.Count;
        var n = seeds.Count * bins;
        var plane = CropWidth * CropHeight;
        var cells = GridRows * GridCols;
        var xObs = new float[n * 4 * plane];
        var yFree = new float[n * 4 * plane];
        var yMask = new float[n * plane];
        var yDepth = new float[n * cells];
        var xRay = new float[n * 2 * plane];
        var yVol = new float[n];
        var rays = maps.Select(m => Stow.Perception.Pipeline.PodSpacePipeline.RayChannels(m, (camera.Fx, camera.Fy, camera.Cx, camera.Cy))).ToArray();
        var binMap = new float[cells];
        try
        {
            for (var s = 0; s < seeds.Count; s++)
            {
                var pod = SimScenes.Pod(type, items, seeds[s]);
                var scene = WorldScene(pod, arcImages, seeds[s]);
                var frames = renderers.Select((r, c) => r.Render(scene, 0, seeds[s] + (c * 1_000_003))).ToArray();
                for (var b = 0; b < bins; b++)
                {
                    var frame = frames[rig.CameraOfBin[b]];
                    var k = (s * bins) + b;
                    using (var rgb = UnitRgb(frame.Rgb, frame.Width, frame.Height))
                    using (var depth = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_16UC1, frame.Depth))
                    using (var freeRgb = UnitRgb(frame.BandFreeRgb, frame.Width, frame.Height))
                    using (var freeDepth = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_16UC1, frame.BandFreeDepth))
                    using (var mask = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_8UC1, frame.BandMask))
                    {
                        maps[b].Rectify(rgb, depth, xObs.AsSpan(k * 4 * plane, 4 * plane));
                        maps[b].Rectify(freeRgb, freeDepth, yFree.AsSpan(k * 4 * plane, 4 * plane));
                        maps[b].SampleMask(mask, yMask.AsSpan(k * plane, plane));
                    }

                    rays[b].CopyTo(xRay.AsSpan(k * 2 * plane, 2 * plane));
                    yVol[k] = (float)(pod.Bins[b].FreeVolume / type.Bins[b].Volume);
                    BinGroundTruth.FreeDepth(pod.Bins[b], GridRows, GridCols, binMap);
                    for (var c = 0; c < cells; c++)
                    {
                        yDepth[(k * cells) + cells - 1 - c] = binMap[c];
                    }
                }
            }
        }
        finally
        {
            foreach (var map in maps)
            {
                map.Dispose();
            }
        }

        NpyWriter.Write(Path.Combine(outDir, "x_obs.npy"), xObs, n, 4, CropHeight, CropWidth);
        NpyWriter.Write(Path.Combine(outDir, "y_free.npy"), yFree, n, 4, CropHeight, CropWidth);
        NpyWriter.Write(Path.Combine(outDir, "x_ray.npy"), xRay, n, 2, CropHeight, CropWidth);
        NpyWriter.Write(Path.Combine(outDir, "y_mask.npy"), yMask, n, 1, CropHeight, CropWidth);
        NpyWriter.Write(Path.Combine(outDir, "y_depth.npy"), yDepth, n, 1, GridRows, GridCols);
        NpyWriter.Write(Path.Combine(outDir, "y_vol.npy"), yVol, n, 1);
        var meta = new
        {
            pod_type = type.Name,
            seeds = new[] { seeds.Min(), seeds.Max() },
            scenes = seeds.Count,
            crops = n,
            crop = new[] { CropHeight, CropWidth },
            grid = new[] { GridRows, GridCols },
            fill = new[] { SimScenes.MinFill, SimScenes.MaxFill },
            camera = new { camera.Fx, camera.Fy, camera.Cx, camera.Cy, camera.Width, camera.Height },
            cameras = rig.Cameras.Count,
        };
        File.WriteAllText(Path.Combine(outDir, "meta.json"), JsonSerializer.Serialize(meta, Stow.Cell.Reporting.ReportWriter.JsonOptions));
        return n;
    }

    /// <summary>An RGB buffer as <c>CV_32FC3</c> in [0, 1], the input <see cref="Stow.Perception.Pipeline.PodSpacePipeline"/> rectifies.</summary>
    private static Mat UnitRgb(byte[] rgb, int width, int height)
    {
        using var bytes = Mat.FromPixelData(height, width, MatType.CV_8UC3, rgb);
        var unit = new Mat();
        bytes.ConvertTo(unit, MatType.CV_32FC3, 1 / 255.0);
        return unit;
    }

    /// <summary>The render scene of a dataset pod (some bins with their bands held aside).</summary>
    public static RenderScene WorldScene(SimPod pod, string? arcImages, int seed) =>
        Stow.Sim.Scenes.WorldScene.Build(pod, arcImages, SimScenes.HeldBands(pod.PodType, seed));
}
