namespace Stow.Sim.Tests.Rendering;

using Stow.Sim.Rendering;

public sealed class RenderDeterminismTests
{
    [Fact]
    public void Same_Seed_Gives_The_Same_Frame_Byte_For_Byte()
    {
        var scene = RenderTestData.FullScene();
        var a = new PodFaceRenderer(RenderTestData.Camera).Render(scene, 1.5, 42).Clone();
        var renderer = new PodFaceRenderer(RenderTestData.Camera);
        renderer.Render(scene, 0, 9); // a different frame in between must leave no trace
        var b = renderer.Render(scene, 1.5, 42);

        Assert.Equal(a.Rgb, b.Rgb);
        Assert.Equal(a.Depth, b.Depth);
        Assert.Equal(a.BandMask, b.BandMask);
        Assert.Equal(a.BandFreeRgb, b.BandFreeRgb);
        Assert.Equal(a.BandFreeDepth, b.BandFreeDepth);
        Assert.Equal(1.5, b.CaptureTime);
    }

    [Fact]
    public void Different_Seed_Changes_The_Noisy_Images_But_Not_The_Ground_Truth()
    {
        var scene = RenderTestData.FullScene();
        var renderer = new PodFaceRenderer(RenderTestData.Camera);
        var a = renderer.Render(scene, 0, 1).Clone();
        var b = renderer.Render(scene, 0, 2);

        Assert.NotEqual(a.Rgb, b.Rgb);
        Assert.NotEqual(a.Depth, b.Depth);
        Assert.Equal(a.BandFreeRgb, b.BandFreeRgb);
        Assert.Equal(a.BandFreeDepth, b.BandFreeDepth);
        Assert.Equal(a.BandMask, b.BandMask);
    }

    [Fact]
    public void Noise_Free_Sensor_Shows_The_Ground_Truth_Outside_The_Bands()
    {
        var frame = new PodFaceRenderer(RenderTestData.Camera, SensorNoiseOptions.None).Render(RenderTestData.FullScene(), 0, 3);
        for (var i = 0; i < frame.BandMask.Length; i++)
        {
            if (frame.BandMask[i] == 0)
            {
                Assert.Equal(frame.BandFreeDepth[i], frame.Depth[i]);
                Assert.Equal(frame.BandFreeRgb[3 * i], frame.Rgb[3 * i]);
            }
        }
    }

    [Fact]
    public void Depth_Noise_Grows_With_Range_As_Configured()
    {
        // Empty pod: compare observed with noise-free depth over the whole face, ~2.0..2.4 m.
        var scene = new RenderScene(RenderTestData.Pod, []);
        var frame = new PodFaceRenderer(RenderTestData.Camera).Render(scene, 0, 5);
        double sum = 0, sumExpected = 0;
        var n = 0;
        for (var i = 0; i < frame.Depth.Length; i++)
        {
            if (frame.BandFreeDepth[i] == 0 || frame.BandMask[i] != 0)
            {
                continue;
            }

            var z = frame.BandFreeDepth[i] / 1000.0;
            var e = (frame.Depth[i] - frame.BandFreeDepth[i]) / 1000.0;
            sum += e * e;
            sumExpected += Math.Pow(0.0015 * z * z, 2);
            n++;
        }

        var ratio = Math.Sqrt(sum / sumExpected);
        Assert.True(n > 50_000, $"only {n} depth pixels");
        Assert.InRange(ratio, 0.9, 1.1);
    }

    [Fact]
    public void Scene_Rejects_An_Inverted_Box()
    {
        var bad = new SceneBox(new Stow.Core.Geometry.Box3(new(0.1, 0, 0), new(0, 0.1, 0.1)), new RgbColor(1, 2, 3));
        var e = Assert.Throws<ArgumentException>(() => new RenderScene(RenderTestData.Pod, [bad]));
        Assert.Contains("box 0", e.Message, StringComparison.Ordinal);
    }
}
