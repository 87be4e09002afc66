using OpenCvSharp;
using Stow.Hardware.Cameras;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Management;

namespace Stow.Hardware.Tests.Cameras;

public sealed class RecordedCameraTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "stowcell-recorded-" + Guid.NewGuid().ToString("N"));

    public RecordedCameraTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RealFramesFact(Timeout = 60_000)]
    public async Task Serves_The_Apc_2016_Frames_In_Metres_With_Their_Intrinsics()
    {
        await Task.Yield();
        var camera = Configured(new RecordedCamera("front", RecordedFrameData.Apc2016, frameRate: 10));

        Assert.Equal(RecordedFrameLayout.Apc2016, camera.Frames!.Layout);
        Assert.Equal(15, camera.Frames.Frames.Count);
        Assert.Equal(new CameraIntrinsics(640, 480, 615.195190, 615.195251, 298.442688, 247.519196), camera.Intrinsics);
        Assert.Equal(HardwareResult.Ok, camera.Read(0.0, 0.002));
        var first = camera.LatestFrame;
        Assert.Equal(1, first.Sequence);
        Assert.Equal(640 * 480 * 3, first.Rgb.Length);
        var valid = first.Depth.ToArray().Where(d => d > 0).Order().ToArray();
        Assert.True(valid.Length > 640 * 480 / 10, $"{valid.Length} of {640 * 480} pixels have a depth return");
        Assert.InRange(valid[valid.Length / 2], 0.3f, 1.5f); // a shelf bin seen from the front, a few decimetres away

        // The next frame comes 1/frameRate later on the loop's clock, stamped with that Read's time.
        camera.Read(0.05, 0.002);
        Assert.Equal(1, camera.LatestFrame.Sequence);
        camera.Read(0.1, 0.002);
        Assert.Equal(2, camera.LatestFrame.Sequence);
        Assert.Equal(0.1, camera.LatestFrame.CaptureTime);
        Assert.False(first.Rgb.Span.SequenceEqual(camera.LatestFrame.Rgb.Span), "the second frame is another recording");
    }

    [RealFramesFact(Timeout = 60_000)]
    public async Task Serves_The_Arc_2017_Background_And_Input_Of_One_Camera()
    {
        await Task.Yield();
        var camera = Configured(new RecordedCamera("bin", RecordedFrameData.Arc2017, camera: 1, loop: false));

        Assert.Equal(RecordedFrameLayout.Arc2017, camera.Frames!.Layout);
        Assert.Equal(["background-1.color.png", "input-1.color.png"], camera.Frames.Frames.Select(f => f.Name));
        for (var i = 0; i < 4; i++)
        {
            camera.Read(i, 0.002);
        }

        Assert.Equal("input-1.color.png", camera.Frames.Frames[1].Name);
        Assert.Same(camera.Frames.Frames[1].Depth, GetArray(camera.LatestFrame.Depth));
        var valid = camera.LatestFrame.Depth.ToArray().Where(d => d > 0).Order().ToArray();
        Assert.InRange(valid[valid.Length / 2], 0.3f, 1.5f);
    }

    [Fact(Timeout = 60_000)]
    public async Task Serves_A_Sim_Render_Folder_Pixel_For_Pixel()
    {
        await Task.Yield();
        var frame = RecordedFrameData.WriteSimRender(_dir);
        var camera = Configured(new RecordedCamera("face", _dir));

        Assert.Equal(RecordedFrameLayout.SimRender, camera.Frames!.Layout);
        var k = frame.Camera;
        Assert.Equal(new CameraIntrinsics(k.Width, k.Height, k.Fx, k.Fy, k.Cx, k.Cy), camera.Intrinsics);
        Assert.Equal(k.Pose, camera.Extrinsics);
        camera.Read(0, 0.002);
        Assert.Equal(frame.Rgb, camera.LatestFrame.Rgb.ToArray());
        Assert.Equal(frame.Depth.Select(mm => mm / 1000f), camera.LatestFrame.Depth.ToArray());
    }

    [Fact(Timeout = 60_000)]
    public async Task Is_Registered_By_Type_Name_With_A_Folder_Parameter()
    {
        await Task.Yield();
        RecordedFrameData.WriteSimRender(_dir);
        var registry = new HardwareRegistry();
        RecordedCamera.Register(registry, Path.GetDirectoryName(_dir));
        var json = $$$"""{"hardware":{"components":[{"name":"face","type":"recorded.camera","params":{"folder":"{{{Path.GetFileName(_dir)}}}","frameRate":5}}]}}""";
        var manager = HardwareManager.Build(HardwareConfig.Parse(json), registry);

        Assert.True(manager.Bringup().Succeeded);
        var camera = manager.Get<ICamera>("face");
        Assert.Equal(HardwareResult.Ok, manager.Read(0, 0.002));
        Assert.Equal(1, camera.LatestFrame.Sequence);

        var missing = """{"hardware":{"components":[{"name":"face","type":"recorded.camera","params":{}}]}}""";
        var e = Assert.Throws<HardwareConfigException>(() => HardwareManager.Build(HardwareConfig.Parse(missing), registry));
        Assert.Equal("hardware:components:0:params:folder", e.Field);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_Missing_Depth_File_Fails_Configure_Naming_The_File()
    {
        await Task.Yield();
        RecordedFrameData.WriteSimRender(_dir);
        File.Delete(Path.Combine(_dir, "depth.png"));

        AssertConfigureFails(Path.Combine(_dir, "depth.png"), "missing");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_8_Bit_Depth_Image_Fails_Configure_Naming_The_File()
    {
        await Task.Yield();
        RecordedFrameData.WriteSimRender(_dir);
        using (var eight = new Mat(480, 640, MatType.CV_8UC1, Scalar.All(90)))
        {
            Cv2.ImWrite(Path.Combine(_dir, "depth.png"), eight);
        }

        AssertConfigureFails(Path.Combine(_dir, "depth.png"), "expected one 16-bit channel");
    }

    [Fact(Timeout = 60_000)]
    public async Task Rgb_And_Depth_Of_Different_Sizes_Fail_Configure_Naming_The_File()
    {
        await Task.Yield();
        RecordedFrameData.WriteSimRender(_dir);
        using (var small = new Mat(240, 320, MatType.CV_16UC1, Scalar.All(900)))
        {
            Cv2.ImWrite(Path.Combine(_dir, "depth.png"), small);
        }

        AssertConfigureFails(Path.Combine(_dir, "depth.png"), "depth is 320x240 but its colour image rgb.png is 640x480");
    }

    [Fact(Timeout = 60_000)]
    public async Task Missing_Calibration_Fails_Configure_Naming_The_File()
    {
        await Task.Yield();
        // ARC 2017 layout: frames of camera 0 are there, its intrinsics file is not.
        using (var rgb = new Mat(48, 64, MatType.CV_8UC3, Scalar.All(120)))
        using (var depth = new Mat(48, 64, MatType.CV_16UC1, Scalar.All(7000)))
        {
            Cv2.ImWrite(Path.Combine(_dir, "input-0.color.png"), rgb);
            Cv2.ImWrite(Path.Combine(_dir, "input-0.depth.png"), depth);
        }

        await File.WriteAllTextAsync(Path.Combine(_dir, "camera-1.intrinsics.txt"), "600 0 32\n0 600 24\n0 0 1\n");
        AssertConfigureFails(Path.Combine(_dir, "camera-0.intrinsics.txt"), "calibration of the requested camera is missing");

        // No calibration of any known layout at all: the folder is named with what was expected.
        File.Delete(Path.Combine(_dir, "camera-1.intrinsics.txt"));
        AssertConfigureFails(_dir, "no calibration found");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_Camera_That_Failed_To_Configure_Serves_Nothing()
    {
        await Task.Yield();
        var camera = new RecordedCamera("face", Path.Combine(_dir, "nothing-here"));

        Assert.Equal(CallbackReturn.Failure, camera.Configure());
        Assert.Equal(HardwareResult.Error, camera.Read(0, 0.002));
        Assert.Equal(0, camera.LatestFrame.Sequence);
    }

    private void AssertConfigureFails(string file, string why)
    {
        var camera = new RecordedCamera("face", _dir);
        Assert.Equal(CallbackReturn.Failure, camera.Configure());
        Assert.Equal(LifecycleState.Unconfigured, camera.LifecycleState);
        Assert.Contains(file + ": ", camera.LastError, StringComparison.Ordinal);
        Assert.Contains(why, camera.LastError, StringComparison.Ordinal);
        Assert.Throws<RecordedFrameException>(() => RecordedFrames.Load(_dir)).File.Equals(file, StringComparison.Ordinal);
    }

    private static RecordedCamera Configured(RecordedCamera camera)
    {
        Assert.Equal(CallbackReturn.Success, camera.Configure());
        Assert.Equal(CallbackReturn.Success, camera.Activate());
        return camera;
    }

    private static float[]? GetArray(ReadOnlyMemory<float> memory) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(memory, out var segment) ? segment.Array : null;
}
