using Microsoft.Extensions.Logging;
using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Perception.Onnx;
using Stow.Perception.Pipeline;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.Operator;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Sim.Rendering;

namespace Stow.Sim.Cell.Perception;

/// <summary>Loads the shipped band and space models (with their manifests) into a pipeline. Stateless.</summary>
public static class PerceptionModels
{
    /// <summary>The repository's <c>models/</c> folder.</summary>
    public static string DefaultFolder() => Path.Combine(CatalogPaths.FindRepoRoot() ?? ".", "models");

    /// <summary>Loads the models and builds a single-camera pipeline calibrated for <paramref name="camera"/> (see the rig overload).</summary>
    /// <exception cref="FileNotFoundException">A model file is missing (the message says how to make it).</exception>
    /// <exception cref="ModelContractException">A manifest or model check failed.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime refused a model.</exception>
    public static PodSpacePipeline Load(string folder, PodType type, CameraModel camera, OnnxSessionOptions options, ILogger? log = null) =>
        Load(folder, type, CameraRig.Single(type, camera), options, log);

    /// <summary>Loads <c>band.onnx</c> and <c>space.onnx</c> from <paramref name="folder"/> and builds the pipeline calibrated for <paramref name="rig"/>.</summary>
    /// <exception cref="FileNotFoundException">A model file is missing (the message says how to make it).</exception>
    /// <exception cref="ModelContractException">A manifest or model check failed.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime refused a model.</exception>
    public static PodSpacePipeline Load(string folder, PodType type, CameraRig rig, OnnxSessionOptions options, ILogger? log = null)
    {
        var band = Path.Combine(folder, "band.onnx");
        var space = Path.Combine(folder, "space.onnx");
        foreach (var f in new[] { band, space })
        {
            if (!File.Exists(f))
            {
                throw new FileNotFoundException(
                    $"perception model {f} is missing: restore it with `git checkout -- models/` or retrain with `/usr/bin/python3 training/train.py` (see models/README.md)", f);
            }
        }

        var bandModel = OnnxModel.Load(band, options, log);
        var spaceModel = OnnxModel.Load(space, options, log);
        var k = rig.Cameras[0];
        return new PodSpacePipeline(bandModel, spaceModel, type, SimScenes.Quads(rig, type), (k.Fx, k.Fy, k.Cx, k.Cy), frameOfBin: rig.CameraOfBin);
    }
}
