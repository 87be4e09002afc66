using System.Diagnostics;
using OpenCvSharp;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.Operator;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Perception.Pipeline;
using Stow.Perception.Rectification;
using Stow.Sim.Rendering;
using Stow.Sim.World;

namespace Stow.Tools.PerceptionTools;

/// <summary>
/// Evaluates the perception pipeline on simulator scenes against ground truth: free-volume MAE as
/// a percentage of bin volume (against the true free volume, and the map alone against the true map), per-cell
/// free-depth MAE, band-mask IoU over all crops, largest-box volume error, and pipeline latency per face.
/// Single-threaded.
/// </summary>
public static class SimPerceptionEval
{
    /// <summary>An estimated free depth this much above the truth [m] counts as an over-estimate.</summary>
    public const float OverEstimateThreshold = 0.03f;

    /// <summary>Runs the evaluation over <paramref name="seeds"/> (never used in training) with the single face camera.</summary>
    public static SimPerceptionFigures Run(PodSpacePipeline pipeline, PodType type, IReadOnlyList<Item> items, IReadOnlyList<int> seeds, string? arcImages) =>
        Run(pipeline, type, items, seeds, arcImages, CameraRig.Tower(type, 1));

    /// <summary>Runs the evaluation over <paramref name="seeds"/> with the cameras of <paramref name="rig"/> (the pipeline calibrated for it).</summary>
    public static SimPerceptionFigures Run(PodSpacePipeline pipeline, PodType type, IReadOnlyList<Item> items, IReadOnlyList<int> seeds, string? arcImages, CameraRig rig)
    {
        var renderers = rig.Cameras.Select(c => new PodFaceRenderer(c)).ToArray();
        var maps = SimScenes.Quads(rig, type).Select(q => new BinRectification(q, pipeline.CropWidth, pipeline.CropHeight)).ToArray();
        var mask = new float[pipeline.CropWidth * pipeline.CropHeight];
        double volErr = 0, boxErr = 0, volErrGtMap = 0, mapVolErr = 0, cellErr = 0;
        long cellCount = 0, overCount = 0;
        long inter = 0, union = 0;
        var n = 0;
        var ms = new List<double>();
        foreach (var seed in seeds)
        {
            var pod = SimScenes.Pod(type, items, seed);
            var scene = PerceptionDataset.WorldScene(pod, arcImages, seed);
            var frames = renderers.Select((r, c) => r.Render(scene, seed, seed + (c * 1_000_003))).ToArray();
            var rgbd = frames.Select(f => new RgbdFrame(f.Rgb, f.Depth, f.Width, f.Height, f.CaptureTime)).ToArray();
            var sw = Stopwatch.StartNew();
            var est = pipeline.Perceive(pod.PodId, rgbd);
            ms.Add(sw.Elapsed.TotalMilliseconds);
            var truth = BinGroundTruth.Estimate(pod, seed, pipeline.GridRows, pipeline.GridCols);
            for (var b = 0; b < type.Bins.Count; b++)
            {
                var v = type.Bins[b].Volume;
                volErr += Math.Abs(est.Bins[b].FreeVolume - pod.Bins[b].FreeVolume) / v;
                var trueMapVolume = MapVolume(type.Bins[b], truth.Bins[b].FreeDepth, pipeline.GridRows, pipeline.GridCols);
                volErrGtMap += Math.Abs(trueMapVolume - pod.Bins[b].FreeVolume) / v;
                mapVolErr += Math.Abs(MapVolume(type.Bins[b], est.Bins[b].FreeDepth, pipeline.GridRows, pipeline.GridCols) - trueMapVolume) / v;
                for (var c = 0; c < truth.Bins[b].FreeDepth.Length; c++)
                {
                    var diff = est.Bins[b].FreeDepth[c] - truth.Bins[b].FreeDepth[c];
                    cellErr += Math.Abs(diff);
                    overCount += diff > OverEstimateThreshold ? 1 : 0;
                    cellCount++;
                }

                boxErr += Math.Abs(est.Bins[b].LargestBox.Volume - truth.Bins[b].LargestBox.Volume) / v;
                var frame = frames[rig.CameraOfBin[b]];
                using (var bandMask = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_8UC1, frame.BandMask))
                {
                    maps[b].SampleMask(bandMask, mask);
                }

                var predicted = pipeline.LastBandMask(b);
                for (var k = 0; k < mask.Length; k++)
                {
                    bool p = predicted[k] > 0.5f, t = mask[k] > 0.5f;
                    inter += p && t ? 1 : 0;
                    union += p || t ? 1 : 0;
                }

                n++;
            }
        }

        foreach (var map in maps)
        {
            map.Dispose();
        }

        ms.Sort();
        return new SimPerceptionFigures(
            seeds.Count, n, 100 * volErr / n, 100 * mapVolErr / n, 100 * volErrGtMap / n, cellErr / Math.Max(1, cellCount), 100.0 * overCount / Math.Max(1, cellCount),
            union == 0 ? 1 : inter / (double)union, 100 * boxErr / n,
            ms[ms.Count / 2], ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(ms.Count * 0.99) - 1)]);
    }

    /// <summary>Integral of a free-depth map [m³]: Σ clamp(depth, 0, bin depth) × cell area.</summary>
    public static double MapVolume(Stow.Core.Pods.BinSpec bin, IReadOnlyList<float> map, int rows, int cols)
    {
        var area = bin.OpeningWidth / cols * (bin.OpeningHeight / rows);
        var sum = 0.0;
        foreach (var d in map)
        {
            sum += Math.Clamp(d, 0, bin.Depth);
        }

        return sum * area;
    }
}
