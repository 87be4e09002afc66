using OpenCvSharp;
using Stow.Tools.PerceptionTools;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.Operator;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Tools.Tests.Support;
using Stow.Core.Catalog;
using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Perception.Rectification;
using Stow.Sim.Rendering;
using Stow.Sim.World;

namespace Stow.Tools.Tests.Perception;

/// <summary>The geometric free depth against the simulator's ground truth on rendered frames.</summary>
public sealed class BinBackProjectionTests
{
    private const int Rows = 8;
    private const int Cols = 12;
    private static readonly Lazy<PodType> Fabric40 = new(() => PodTypeLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "pods", "fabric-40.json")));

    private static (float[] Geo, float[] Truth) Run(SimPod pod, int binIndex, SensorNoiseOptions noise, bool bandFree, int seed, double? assumedSigma = null)
    {
        var type = pod.PodType;
        var camera = CameraModel.DefaultFor(type);
        var frame = new PodFaceRenderer(camera, noise).Render(PerceptionDataset.WorldScene(pod, null, seed), 0, seed);
        var quad = SimScenes.Quad(camera, type.Bins[binIndex]);
        using var map = new BinRectification(quad, PerceptionDataset.CropWidth, PerceptionDataset.CropHeight);
        var plane = map.Width * map.Height;
        var crop = new float[4 * plane];
        var mask = new float[plane];
        using (var depth = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_16UC1, bandFree ? frame.BandFreeDepth : frame.Depth))
        using (var bandMask = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_8UC1, frame.BandMask))
        {
            map.RectifyDepth(depth, crop.AsSpan(3 * plane, plane));
            map.SampleMask(bandMask, mask);
        }

        var projection = new BinBackProjection(map, quad, (camera.Fx, camera.Fy, camera.Cx, camera.Cy), camera.Width, camera.Height, assumedSigma ?? noise.DepthSigmaAt1M);
        var geo = new float[Rows * Cols];
        projection.Splat(crop.AsSpan(3 * plane, plane), bandFree ? [] : mask, (float)type.Bins[binIndex].Depth, Rows, Cols, geo);
        var truth = new float[Rows * Cols];
        BinGroundTruth.FreeDepth(pod.Bins[binIndex], Rows, Cols, truth);
        return (geo, truth);
    }

    [Fact]
    public void Noise_Free_Band_Free_Depth_Of_Middle_Row_Bins_Bounds_The_True_Map_Closely()
    {
        var type = Fabric40.Value;
        var items = SimScenes.SceneItems(CatalogPaths.ResolveDataRoot(null));
        var close = 0;
        var over = 0;
        var total = 0;
        foreach (var seed in new[] { 31, 32, 33 })
        {
            var pod = SimScenes.Pod(type, items, seed);
            for (var b = 16; b < 24; b++)
            {
                var (geo, truth) = Run(pod, b, SensorNoiseOptions.None, bandFree: true, seed);
                for (var c = 0; c < geo.Length; c++)
                {
                    // geo is in image orientation, the truth on the bin grid: both axes reversed.
                    var err = geo[c] - truth[geo.Length - 1 - c];
                    close += Math.Abs(err) <= 0.03 ? 1 : 0;
                    over += err > 0.015 ? 1 : 0;
                    total++;
                }
            }
        }

        // A bound, not an estimate: it almost never over-states free depth, and most cells are right.
        Assert.True(over <= 0.02 * total, $"{over} of {total} cells over-state free depth by more than 1.5 cm");
        Assert.True(close >= 0.75 * total, $"{close} of {total} cells within 3 cm of the truth");
    }

    [Fact]
    public void An_Empty_Top_Row_Bin_Stays_Empty_Although_Its_Ceiling_Is_Seen_Edge_On_Through_Depth_Noise()
    {
        var type = Fabric40.Value;
        var pod = new SimPod(new PodId("EMPTY"), type);
        var top = type.Bins.Count - 2;

        var (geo, _) = Run(pod, top, SensorNoiseOptions.Default, bandFree: false, 5);
        var (noMargin, _) = Run(pod, top, SensorNoiseOptions.Default, bandFree: false, 5, assumedSigma: 0);

        var depth = (float)type.Bins[top].Depth;
        Assert.All(geo, d => Assert.True(d >= 0.95f * depth, $"free depth {d} m in an empty bin {depth} m deep"));
        Assert.Contains(noMargin, d => d < 0.5f * depth); // without the noise margin, smeared ceiling points block columns
    }
}
