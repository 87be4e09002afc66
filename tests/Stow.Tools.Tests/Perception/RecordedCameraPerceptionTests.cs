using Stow.Tools.PerceptionTools;
using Stow.Tools.PerceptionTools.Real;
using Stow.Tools.Tests.Support;
using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Hardware.Cameras;
using Stow.Hardware.Lifecycle;
using Stow.Perception.Onnx;
using Stow.Perception.Pipeline;
using Stow.Perception.Rectification;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Rendering;

namespace Stow.Tools.Tests.Perception;

/// <summary>
/// Perception in the cell (<see cref="PodSpacePipeline"/>) on frames served by a <see cref="RecordedCamera"/>: a <c>sim render</c>
/// folder and the real APC 2016 frames give the same estimates as the frames read directly.
/// </summary>
public sealed class RecordedCameraPerceptionTests
{
    [Fact(Timeout = 120_000)]
    public async Task The_Pipeline_On_A_Served_Sim_Render_Matches_The_Rendered_Frame()
    {
        await Task.Yield();
        using var dir = new TempDir();
        var type = PodTypeLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "pods", "fabric-40.json"));
        var frame = new PodFaceRenderer(CameraModel.DefaultFor(type)).Render(new RenderScene(type, SampleScenes.Fill(type, 3, 11)), 0, 11);
        FrameWriter.Write(frame, dir.Path);

        var camera = new RecordedCamera("face", dir.Path);
        Assert.Equal(CallbackReturn.Success, camera.Configure());
        Assert.Equal(HardwareResult.Ok, camera.Read(4.5, 0.002));
        // The perception side is calibrated from what the camera reports, not from the renderer.
        var k = camera.Intrinsics;
        var calibrated = new CameraModel(k.Fx, k.Fy, k.Cx, k.Cy, k.Width, k.Height, camera.Extrinsics);
        using var pipeline = PerceptionModels.Load(Path.Combine(TestPaths.RepoRoot, "models"), type, calibrated, new OnnxSessionOptions());

        var served = pipeline.Perceive(new PodId("P-1"), ToRgbd(camera.LatestFrame, k));
        var direct = pipeline.Perceive(new PodId("P-1"), new RgbdFrame(frame.Rgb, frame.Depth, frame.Width, frame.Height, 4.5));

        Assert.Equal(4.5, served.CaptureTime);
        Assert.Equal(type.Bins.Count, served.Bins.Count);
        for (var i = 0; i < served.Bins.Count; i++)
        {
            Assert.Equal(direct.Bins[i].FreeVolume, served.Bins[i].FreeVolume);
            Assert.Equal(direct.Bins[i].FreeDepth, served.Bins[i].FreeDepth);
        }

        Assert.Contains(served.Bins, b => b.FreeVolume > 0);
    }

    [ApcModelsFact(Timeout = 120_000)]
    public async Task The_Pipeline_On_Served_Real_Apc_Frames_Matches_The_Frames_Read_Directly()
    {
        await Task.Yield();
        var (set, bin) = RealPerceptionEval.Open(ApcTestData.DataRoot);
        var pod = bin.PodType();
        var camera = new RecordedCamera("shelf", RealPerceptionEval.FramesFolder(ApcTestData.DataRoot), frameRate: 1);
        Assert.Equal(CallbackReturn.Success, camera.Configure());
        using var band = OnnxModel.Load(Path.Combine(TestPaths.RepoRoot, "models", "band.onnx"), new OnnxSessionOptions());
        using var space = OnnxModel.Load(Path.Combine(TestPaths.RepoRoot, "models", "space.onnx"), new OnnxSessionOptions());
        var k = camera.Intrinsics;
        for (var i = 0; i < 3; i++)
        {
            camera.Read(i, 0.002);
            var served = camera.LatestFrame;
            Assert.Equal(i + 1, served.Sequence);
            var direct = set.Load(i);
            var quad = bin.Quad(direct.CameraToWorld, set.Info.ColorK);
            using var pipeline = new PodSpacePipeline(band, space, pod, [quad], (k.Fx, k.Fy, k.Cx - 0.5, k.Cy - 0.5)) { DepthMargin = 0 };

            var fromCamera = pipeline.PerceiveBin(new BinId(0, 0), Filled(ToRgbd(served, k)));
            var fromFiles = pipeline.PerceiveBin(new BinId(0, 0), Filled(new RgbdFrame(direct.Rgb, Mm(direct.Depth), direct.Width, direct.Height, i)));

            Assert.Equal(fromFiles.FreeDepth, fromCamera.FreeDepth);
            Assert.Equal(fromFiles.FreeVolume, fromCamera.FreeVolume);
            Assert.InRange(fromCamera.FreeVolume, 0, 1);
            Assert.Equal(i, fromCamera.CaptureTime);
        }
    }

    private static RgbdFrame ToRgbd(CameraFrameRef f, CameraIntrinsics k) =>
        new(f.Rgb.ToArray(), Mm(f.Depth.ToArray()), k.Width, k.Height, f.CaptureTime);

    private static ushort[] Mm(float[] metres) => metres.Select(d => (ushort)Math.Clamp(Math.Round(d * 1000), 0, ushort.MaxValue)).ToArray();

    private static RgbdFrame Filled(RgbdFrame f) => f with { DepthMm = DepthHoleFill.Fill(f.DepthMm, f.Width, f.Height, RealPerceptionEval.HoleFillPasses) };
}
