using OpenCvSharp;
using Stow.Tools.PerceptionTools;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Tools.Tests.Perception.Reference;
using Stow.Tools.Tests.Support;
using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Perception.Pipeline;
using Stow.Perception.Rectification;
using Stow.Sim.Rendering;
using Xunit.Abstractions;

namespace Stow.Tools.Tests.Perception;

/// <summary>
/// The OpenCV rectification (<see cref="BinRectification"/>) against the hand-written one it replaced (kept test-side in
/// <c>Reference/</c>, see <see cref="LegacyBinRectifier"/>) on every bin of rendered pod faces seen by the three-camera
/// tower, as the shipped models see them. The old code is kept rather than a fixture of its outputs because the frames
/// are rendered here from seeds: a fixture would have to store megabytes of frames and crops and would go stale with
/// any change to the renderer, while the reference implementation is 300 lines and compares on whatever is rendered.
/// </summary>
/// <remarks>
/// Tolerances, from what each implementation does:
/// <list type="bullet">
/// <item>Sampling positions (MapX/MapY vs the old U−0.5/V−0.5): within 0.001 px (float32 perspective transform of
/// float32 corners vs a double DLT; measured 3e-5 px).</item>
/// <item>Opening-plane depth: within 1e-5 m (the same fit, evaluated at positions 0.001 px apart; measured 0).</item>
/// <item>Depth channel and relative depth (nearest neighbour): identical on ≥ 99.9 % of crop pixels; a crop pixel may
/// pick the neighbouring image pixel only where its centre lies within float rounding of a pixel boundary (measured:
/// identical on all 122,880).</item>
/// <item>RGB (bilinear): OpenCV interpolates 8-bit images in fixed point (positions quantised to 1/32 px, weights to
/// 2^-15, result rounded to 8 bits), the old code in float: |Δ| ≤ 6/255 on every sample (an edge of full contrast moves
/// 1/64 px: 4/255, plus rounding), mean |Δ| ≤ 0.5/255 (measured 4.65/255 and 0.32/255).</item>
/// <item>Band mask samples: identical on ≥ 99.9 % of crop pixels (nearest neighbour, as depth).</item>
/// </list>
/// </remarks>
public sealed class BinRectificationParityTests(ITestOutputHelper output)
{
    private static readonly Lazy<PodType> Fabric40 = new(() => PodTypeLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "pods", "fabric-40.json")));

    [Fact]
    public void OpenCv_Rectification_Matches_The_Hand_Written_One_On_Rendered_Frames()
    {
        var type = Fabric40.Value;
        var items = SimScenes.SceneItems(CatalogPaths.ResolveDataRoot(null));
        var rig = CameraRig.Tower(type, 3);
        var quads = SimScenes.Quads(rig, type);
        const int w = PerceptionDataset.CropWidth, h = PerceptionDataset.CropHeight, n = w * h;
        double maxPos = 0, maxPlane = 0, maxRgb = 0, sumRgb = 0, maxRay = 0, maxUnit = 0, sumUnit = 0;
        long rgbSamples = 0, depthSame = 0, depthTotal = 0, observedSame = 0, maskSame = 0;
        foreach (var seed in new[] { 1001, 1002 })
        {
            var pod = SimScenes.Pod(type, items, seed);
            var scene = PerceptionDataset.WorldScene(pod, null, seed);
            var frames = rig.Cameras.Select((c, i) => new PodFaceRenderer(c).Render(scene, 0, seed + (i * 1_000_003))).ToArray();
            for (var b = 0; b < type.Bins.Count; b++)
            {
                var frame = frames[rig.CameraOfBin[b]];
                var camera = rig.Cameras[rig.CameraOfBin[b]];
                var legacy = new LegacyRectificationMap(quads[b], w, h);
                using var map = new BinRectification(quads[b], w, h);
                var oldCrop = new float[4 * n];
                var newCrop = new float[4 * n];
                var unitCrop = new float[4 * n];
                var oldObserved = new float[n];
                var newObserved = new float[n];
                var newMask = new float[n];
                LegacyBinRectifier.Rectify(frame.Rgb, frame.Depth, frame.Width, frame.Height, legacy, oldCrop);
                LegacyBinRectifier.RectifyDepth(frame.Depth, frame.Width, frame.Height, legacy, oldObserved);
                using (var rgb = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_8UC3, frame.Rgb))
                using (var depth = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_16UC1, frame.Depth))
                using (var mask = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_8UC1, frame.BandMask))
                using (var unit = new Mat())
                {
                    rgb.ConvertTo(unit, MatType.CV_32FC3, 1 / 255.0);
                    map.Rectify(unit, depth, unitCrop);
                    map.Rectify(rgb, depth, newCrop);
                    map.RectifyDepth(depth, newObserved);
                    map.SampleMask(mask, newMask);
                }

                var oldRays = LegacyRays(legacy, (camera.Fx, camera.Fy, camera.Cx, camera.Cy));
                var newRays = PodSpacePipeline.RayChannels(map, (camera.Fx, camera.Fy, camera.Cx, camera.Cy));
                for (var k = 0; k < n; k++)
                {
                    maxPos = Math.Max(maxPos, Math.Max(Math.Abs(map.MapX[k] - (legacy.U[k] - 0.5)), Math.Abs(map.MapY[k] - (legacy.V[k] - 0.5))));
                    maxPlane = Math.Max(maxPlane, Math.Abs(map.PlaneDepth[k] - legacy.PlaneDepth[k]));
                    maxRay = Math.Max(maxRay, Math.Max(Math.Abs(newRays[k] - oldRays[k]), Math.Abs(newRays[n + k] - oldRays[n + k])));
                    for (var ch = 0; ch < 3; ch++)
                    {
                        var d = Math.Abs(newCrop[(ch * n) + k] - oldCrop[(ch * n) + k]) * 255;
                        maxRgb = Math.Max(maxRgb, d);
                        sumRgb += d;
                        var du = Math.Abs(unitCrop[(ch * n) + k] - oldCrop[(ch * n) + k]) * 255;
                        maxUnit = Math.Max(maxUnit, du);
                        sumUnit += du;
                        rgbSamples++;
                    }

                    depthSame += newCrop[(3 * n) + k] == oldCrop[(3 * n) + k] && unitCrop[(3 * n) + k] == oldCrop[(3 * n) + k] ? 1 : 0;
                    observedSame += newObserved[k].Equals(oldObserved[k]) ? 1 : 0;
                    var (u, v) = legacy.Nearest(k, frame.Width, frame.Height);
                    maskSame += newMask[k] == (frame.BandMask[(v * frame.Width) + u] != 0 ? 1f : 0f) ? 1 : 0;
                    depthTotal++;
                }
            }
        }

        var meanRgb = sumRgb / rgbSamples;
        var meanUnit = sumUnit / rgbSamples;
        output.WriteLine($"positions max {maxPos:E2} px, plane depth max {maxPlane:E2} m, rays max {maxRay:E2}");
        output.WriteLine($"float RGB max {maxUnit:F2}/255 mean {meanUnit:F3}/255; 8-bit RGB max {maxRgb:F2}/255 mean {meanRgb:F3}/255; depth same {depthSame}/{depthTotal}, relative depth same {observedSame}, mask same {maskSame}");
        Assert.InRange(maxPos, 0, 0.001);
        Assert.InRange(maxPlane, 0, 1e-5);
        Assert.InRange(maxRay, 0, 1e-4);
        Assert.InRange(maxRgb, 0, 6);
        Assert.InRange(meanRgb, 0, 0.5);
        Assert.InRange(maxUnit, 0, 6);
        Assert.InRange(meanUnit, 0, 0.2);
        Assert.InRange(depthSame, (long)(0.999 * depthTotal), depthTotal);
        Assert.InRange(observedSame, (long)(0.999 * depthTotal), depthTotal);
        Assert.InRange(maskSame, (long)(0.999 * depthTotal), depthTotal);
    }

    private static float[] LegacyRays(LegacyRectificationMap map, (double Fx, double Fy, double Cx, double Cy) k)
    {
        var plane = map.Width * map.Height;
        var rays = new float[2 * plane];
        for (var i = 0; i < plane; i++)
        {
            rays[i] = (float)((map.U[i] - 0.5 - k.Cx) / k.Fx);
            rays[plane + i] = (float)((map.V[i] - 0.5 - k.Cy) / k.Fy);
        }

        return rays;
    }
}
