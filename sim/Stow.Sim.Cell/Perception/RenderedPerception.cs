using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Space;
using Stow.Perception.Pipeline;
using Stow.Sim.Rendering;
using Stow.Sim.Cell.World;

namespace Stow.Sim.Cell.Perception;

/// <summary>
/// Used by <c>plan eval</c> and <c>risk fit</c> only (tools/Stow.Tools PerceivedSpace): the cell itself perceives through
/// its CameraPerception on the simulator's HAL cameras (<see cref="Devices.RenderedPodCamera"/>), which render with the
/// same seeds and noise.
/// Perception through the ONNX models on frames the simulator renders of the pod at the station
/// (the simulated camera rig: one frame per camera), with the world's seeded sensor noise (<c>Sim:Sensor</c>,
/// <see cref="Stow.Sim.World.SimWorldOptions.Sensor"/>), so a world variant with a noisier sensor changes the frames the
/// models see. Owns the renderers; single-threaded.
/// </summary>
public sealed class RenderedPerception : IShiftPerception, IPerceivedFrames, IDisposable
{
    private readonly SimShiftWorld _world;
    private readonly PodSpacePipeline _pipeline;
    private readonly PodFaceRenderer[] _renderers;
    private readonly string? _arcImages;
    private int _frame;

    /// <summary>Creates the adapter.</summary>
    /// <param name="world">The world whose current pod is rendered.</param>
    /// <param name="pipeline">The models, calibrated for <paramref name="rig"/>.</param>
    /// <param name="rig">The simulated cameras.</param>
    /// <param name="arcImages">ARC photo folder for textures, or null.</param>
    /// <param name="seed">Noise seed base; frame k uses seed + k.</param>
    public RenderedPerception(SimShiftWorld world, PodSpacePipeline pipeline, CameraRig rig, string? arcImages, int seed)
    {
        _world = world;
        _pipeline = pipeline;
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rig);
        _renderers = rig.Cameras.Select(c => new PodFaceRenderer(c, world.Options.Sensor)).ToArray();
        _arcImages = arcImages;
        _frame = seed * 100_000;
    }

    /// <inheritdoc />
    public event EventHandler<PerceivedBinFrame>? BinPerceived;

    /// <inheritdoc />
    public PodSpacePipeline Pipeline => _pipeline;

    /// <inheritdoc />
    public string ExecutionProvider => _pipeline.ExecutionProvider;

    /// <inheritdoc />
    public PodSpaceEstimate Perceive(double time)
    {
        var scene = Stow.Sim.Scenes.WorldScene.Build(_world.Current, _arcImages);
        return _pipeline.Perceive(_world.Pod, _renderers.Select(r => Capture(r, scene, time)).ToArray());
    }

    /// <inheritdoc />
    public BinSpaceEstimate PerceiveBin(BinId bin, double time)
    {
        var scene = Stow.Sim.Scenes.WorldScene.Build(_world.Current, _arcImages);
        var index = _pipeline.IndexOf(bin);
        var frame = Capture(_renderers[_pipeline.FrameOfBin(index)], scene, time);
        var estimate = _pipeline.PerceiveBin(bin, frame);
        BinPerceived?.Invoke(this, new PerceivedBinFrame(frame, index, estimate));
        return estimate;
    }

    /// <inheritdoc />
    public void Dispose() => _pipeline.Dispose();

    private RgbdFrame Capture(PodFaceRenderer renderer, RenderScene scene, double time)
    {
        var f = renderer.Render(scene, time, _frame++);
        return new RgbdFrame(f.Rgb, f.Depth, f.Width, f.Height, time);
    }
}
