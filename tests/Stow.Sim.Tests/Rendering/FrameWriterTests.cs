namespace Stow.Sim.Tests.Rendering;

using System.Text.Json;
using OpenCvSharp;
using Stow.Sim.Rendering;

public sealed class FrameWriterTests
{
    [Fact]
    public void Writer_Stores_Images_Depth_And_Ground_Truth_That_Read_Back()
    {
        var frame = new PodFaceRenderer(RenderTestData.Camera).Render(RenderTestData.FullScene(), 12.25, 3);
        var folder = Path.Combine(Path.GetTempPath(), "stowcell-frame-" + Guid.NewGuid().ToString("N"));
        try
        {
            FrameWriter.Write(frame, folder, new { freeDepth = new Dictionary<string, double[]> { ["A1"] = [0.1, 0.2] } });
            foreach (var name in FrameWriter.FileNames)
            {
                Assert.True(File.Exists(Path.Combine(folder, name)), name);
            }

            using (var depth = Cv2.ImRead(Path.Combine(folder, "depth.png"), ImreadModes.Unchanged))
            {
                Assert.Equal(MatType.CV_16UC1, depth.Type());
                Assert.Equal((640, 480), (depth.Width, depth.Height));
                Assert.Equal(frame.Depth, depth.AsSpan<ushort>().ToArray());
            }

            using (var depth = Cv2.ImRead(Path.Combine(folder, "band_free_depth.png"), ImreadModes.Unchanged))
            {
                Assert.Equal(frame.BandFreeDepth, depth.AsSpan<ushort>().ToArray());
            }

            using (var bgr = Cv2.ImRead(Path.Combine(folder, "rgb.png"), ImreadModes.Unchanged))
            using (var rgb = new Mat())
            {
                Assert.Equal(MatType.CV_8UC3, bgr.Type());
                Cv2.CvtColor(bgr, rgb, ColorConversionCodes.BGR2RGB);
                Assert.Equal(frame.Rgb, rgb.AsSpan<byte>().ToArray());
            }

            using (var mask = Cv2.ImRead(Path.Combine(folder, "band_mask.png"), ImreadModes.Unchanged))
            {
                Assert.Equal(MatType.CV_8UC1, mask.Type());
                var values = mask.AsSpan<byte>().ToArray();
                Assert.Contains(values, v => v == 255);
                for (var i = 0; i < frame.BandMask.Length; i++)
                {
                    Assert.Equal(frame.BandMask[i] == 1, values[i] > 127);
                }
            }

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "ground_truth.json")));
            var root = json.RootElement;
            Assert.Equal(12.25, root.GetProperty("captureTime").GetDouble());
            Assert.Equal(40, root.GetProperty("quads").GetArrayLength());
            Assert.Equal(frame.Camera.Fx, root.GetProperty("camera").GetProperty("fx").GetDouble());
            Assert.Equal(0.2, root.GetProperty("extra").GetProperty("freeDepth").GetProperty("A1")[1].GetDouble());
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Unwritable_Image_File_Is_Reported_By_Name()
    {
        var folder = Path.Combine(Path.GetTempPath(), "stowcell-frame-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "rgb.png")); // a folder where the image should go
        try
        {
            var frame = new PodFaceRenderer(RenderTestData.Camera).Render(RenderTestData.FullScene(), 0, 1);
            var e = Assert.Throws<IOException>(() => FrameWriter.Write(frame, folder));
            Assert.Contains("rgb.png", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Preview_Frames_Are_Written_When_Asked()
    {
        // Set STOWCELL_RENDER_PREVIEW=<folder> to write a face and a close-up to look at.
        var folder = Environment.GetEnvironmentVariable("STOWCELL_RENDER_PREVIEW");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        var scene = RenderTestData.FullScene(7, photos: true);
        FrameWriter.Write(new PodFaceRenderer(RenderTestData.Camera).Render(scene, 0, 1), Path.Combine(folder, "face"));
        var bin = RenderTestData.Bin("D2");
        FrameWriter.Write(new PodFaceRenderer(CameraModel.ForBin(bin, 640, 480)).Render(scene, 0, 1), Path.Combine(folder, "bin-D2"));
        var held = new RenderScene(scene.Pod, scene.Boxes, new HashSet<Stow.Core.Ids.BinId> { bin.Id });
        FrameWriter.Write(new PodFaceRenderer(CameraModel.ForBin(bin, 640, 480)).Render(held, 0, 1), Path.Combine(folder, "bin-D2-held"));
    }
}
