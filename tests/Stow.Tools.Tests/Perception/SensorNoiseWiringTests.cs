using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Perception.Pipeline;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Sim.Rendering;
using Stow.Sim.World;
using Stow.Tools.PlanEval;

namespace Stow.Tools.Tests.Perception;

/// <summary>
/// <c>Sim:Sensor</c> reaches the renderer of the cell's simulated cameras (<see cref="RenderedPerception"/>): a world
/// with a noisier sensor gives other frames, the same world gives the same frames.
/// </summary>
public class SensorNoiseWiringTests
{
    private static readonly PodType Fabric40 = PodTypeLoader.LoadFolder(CatalogPaths.DefaultPodFolder())["fabric-40"];

    private static RgbdFrame Frame(PerceivedSpace space, SimWorldOptions world)
    {
        var catalog = CatalogLoader.LoadWithDefaults("arc2017");
        var sim = new SimShiftWorld(Fabric40, catalog.Items, world, 4);
        var perception = (RenderedPerception)space.For(sim, 4);
        RgbdFrame? frame = null;
        perception.BinPerceived += (_, f) => frame = f.Frame;
        perception.PerceiveBin(Fabric40.Bins[0].Id, 0);
        return frame ?? throw new InvalidOperationException("no frame was perceived");
    }

    [Fact(Timeout = 120000)]
    public async Task A_Noisier_World_Sensor_Changes_The_Frames_And_The_Same_World_Repeats_Them()
    {
        using var space = PerceivedSpace.Onnx(PerceptionModels.DefaultFolder(), Fabric40, null);
        var noisy = SimWorldOptions.Default with { Sensor = new SensorNoiseOptions(DepthSigmaAt1M: 0.0045, RgbSigma: 6) };

        var a = await Task.Run(() => Frame(space, SimWorldOptions.Default));
        var b = await Task.Run(() => Frame(space, SimWorldOptions.Default));
        var c = await Task.Run(() => Frame(space, noisy));

        Assert.Equal(a.Rgb, b.Rgb);
        Assert.Equal(a.DepthMm, b.DepthMm);
        Assert.NotEqual(a.Rgb, c.Rgb);
        Assert.NotEqual(a.DepthMm, c.DepthMm);
        // σ 6 against σ 2 levels: the frames differ by more than rounding.
        var dRgb = a.Rgb.Zip(c.Rgb, (x, y) => Math.Abs(x - y)).Average();
        Assert.True(dRgb > 1, $"mean |ΔRGB| {dRgb}");
    }
}
