using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Space;
using Stow.Perception.Change;
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
    private readonly ushort[]?[] _lastDepth;
    private readonly Dictionary<BinId, DepthChangeProfile> _changes = [];
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
        _lastDepth = new ushort[]?[_renderers.Length];
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
        var frames = _renderers.Select(r => Capture(r, scene, time)).ToArray();
        for (var i = 0; i < frames.Length; i++)
        {
            Keep(i, frames[i]);
        }

        _changes.Clear();
        return _pipeline.Perceive(_world.Pod, frames);
    }

    /// <inheritdoc />
    public BinSpaceEstimate PerceiveBin(BinId bin, double time)
    {
        var scene = Stow.Sim.Scenes.WorldScene.Build(_world.Current, _arcImages);
        var index = _pipeline.IndexOf(bin);
        var camera = _pipeline.FrameOfBin(index);
        var frame = Capture(_renderers[camera], scene, time);
        var estimate = _pipeline.PerceiveBin(bin, frame);
        BinPerceived?.Invoke(this, new PerceivedBinFrame(frame, index, estimate));
        if (_lastDepth[camera] is { } previous && previous.Length == frame.DepthMm.Length)
        {
            _changes[bin] = _pipeline.MeasureChange(index, frame with { DepthMm = previous }, frame);
        }
        else
        {
            _changes.Remove(bin);
        }

        Keep(camera, frame);
        return estimate;
    }

    /// <inheritdoc />
    /// <remarks>As the cell's CameraPerception: the bin's change between the last frame of its camera before
    /// <see cref="PerceiveBin"/> and the one it rendered; none after <see cref="Perceive"/>.</remarks>
    public DepthChangeProfile? LastChange(BinId bin) => _changes.GetValueOrDefault(bin);

    /// <inheritdoc />
    public void Dispose() => _pipeline.Dispose();

    /// <summary>Copies the camera's depth (the renderer overwrites its frame on the next render) for the next change.</summary>
    private void Keep(int camera, RgbdFrame frame)
    {
        var copy = _lastDepth[camera];
        if (copy is null || copy.Length != frame.DepthMm.Length)
        {
            copy = _lastDepth[camera] = new ushort[frame.DepthMm.Length];
        }

        frame.DepthMm.CopyTo(copy, 0);
    }

    private RgbdFrame Capture(PodFaceRenderer renderer, RenderScene scene, double time)
    {
        var f = renderer.Render(scene, time, _frame++);
        return new RgbdFrame(f.Rgb, f.Depth, f.Width, f.Height, time);
    }
}
