using Stow.Cell.Shift;
using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Perception.Onnx;
using Stow.Perception.Pipeline;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Sim.Rendering;

namespace Stow.Tools.PlanEval;

/// <summary>
/// The perception an evaluation shift gives its planner (<see cref="EvalPerception"/>): ground truth, or the cell's
/// ONNX perception on rendered frames with the settings of <c>config/cell.sim.json</c> (3 cameras, CPU, one intra-op
/// thread, depth margin 0.04 m, geometric bound on). Loads the models once and shares them between shifts (the
/// pipeline is reused, never disposed by a shift). Not thread-safe: one shift at a time.
/// </summary>
public sealed class PerceivedSpace : IDisposable
{
    /// <summary>Cameras of the simulated tower (as <c>Perception:Cameras</c> in <c>config/cell.sim.json</c>).</summary>
    public const int Cameras = 3;

    /// <summary>Depth margin of the pipeline [m] (as <c>Perception:DepthMargin</c> in <c>config/cell.sim.json</c>).</summary>
    public const float DepthMargin = 0.04f;

    private readonly PodSpacePipeline? _pipeline;
    private readonly CameraRig? _rig;
    private readonly string? _images;

    private PerceivedSpace(EvalPerception mode, PodSpacePipeline? pipeline, CameraRig? rig, string? images)
    {
        Mode = mode;
        _pipeline = pipeline;
        _rig = rig;
        _images = images;
    }

    /// <summary>Which perception the shifts get.</summary>
    public EvalPerception Mode { get; }

    /// <summary>ONNX Runtime's execution provider that ran the models (<c>none</c> for ground truth).</summary>
    public string ExecutionProvider => _pipeline?.ExecutionProvider ?? "none";

    /// <summary>Ground truth (no models).</summary>
    public static PerceivedSpace GroundTruth { get; } = new(EvalPerception.GroundTruth, null, null, null);

    /// <summary>Loads the shipped models from <paramref name="modelFolder"/> for pods of <paramref name="podType"/>.</summary>
    /// <param name="modelFolder">Folder with <c>band.onnx</c>, <c>space.onnx</c> and their manifests.</param>
    /// <param name="podType">Pod type of every pod of the shifts.</param>
    /// <param name="dataDir">Data root (ARC 2017 item photos for textures when present), or null for the default.</param>
    /// <exception cref="FileNotFoundException">A model file is missing (the message says how to restore it).</exception>
    /// <exception cref="ModelContractException">A manifest or model check failed.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime refused a model.</exception>
    public static PerceivedSpace Onnx(string modelFolder, PodType podType, string? dataDir)
    {
        ArgumentNullException.ThrowIfNull(podType);
        var rig = CameraRig.Tower(podType, Cameras);
        var options = new OnnxSessionOptions { IntraOpThreadCount = 1 };
        var pipeline = PerceptionModels.Load(modelFolder, podType, rig, options);
        pipeline.DepthMargin = DepthMargin;
        pipeline.GeometricBound = true;
        var images = Path.Combine(CatalogPaths.ResolveDataRoot(dataDir), "items", "arc2017", "images");
        return new PerceivedSpace(EvalPerception.Onnx, pipeline, rig, Directory.Exists(images) ? images : null);
    }

    /// <summary>The perception of one shift on <paramref name="world"/>; <paramref name="seed"/> seeds its frames' sensor noise.</summary>
    public IShiftPerception For(SimShiftWorld world, int seed) => Mode == EvalPerception.GroundTruth
        ? new GroundTruthPerception(world)
        : new RenderedPerception(world, _pipeline!, _rig!, _images, seed);

    /// <inheritdoc />
    public void Dispose() => _pipeline?.Dispose();
}
