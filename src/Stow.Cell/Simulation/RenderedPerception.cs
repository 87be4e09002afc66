using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Space;
using Stow.Perception.Pipeline;
using Stow.Sim.Rendering;

namespace Stow.Cell.Simulation;

/// <summary>
/// Perception through the ONNX models on frames the simulator renders of the pod at the station
/// (the simulated camera), with seeded sensor noise. Owns the renderer; single-threaded.
/// </summary>
public sealed class RenderedPerception : IShiftPerception, IDisposable
{
    private readonly SimShiftWorld _world;
    private readonly PodSpacePipeline _pipeline;
    private readonly PodFaceRenderer _renderer;
    private readonly string? _arcImages;
    private int _frame;

    /// <summary>Creates the adapter.</summary>
    /// <param name="world">The world whose current pod is rendered.</param>
    /// <param name="pipeline">The models, calibrated for <paramref name="camera"/>.</param>
    /// <param name="camera">The simulated camera.</param>
    /// <param name="arcImages">ARC photo folder for textures, or null.</param>
    /// <param name="seed">Noise seed base; frame k uses seed + k.</param>
    public RenderedPerception(SimShiftWorld world, PodSpacePipeline pipeline, CameraModel camera, string? arcImages, int seed)
    {
        _world = world;
        _pipeline = pipeline;
        _renderer = new PodFaceRenderer(camera);
        _arcImages = arcImages;
        _frame = seed * 100_000;
    }

    /// <inheritdoc />
    public PodSpaceEstimate Perceive(double time) => _pipeline.Perceive(_world.Pod, Capture(time));

    /// <inheritdoc />
    public BinSpaceEstimate PerceiveBin(BinId bin, double time) => _pipeline.PerceiveBin(bin, Capture(time));

    /// <inheritdoc />
    public void Dispose() => _pipeline.Dispose();

    private RgbdFrame Capture(double time)
    {
        var f = _renderer.Render(Stow.Sim.Scenes.WorldScene.Build(_world.Current, _arcImages), time, _frame++);
        return new RgbdFrame(f.Rgb, f.Depth, f.Width, f.Height, time);
    }
}
