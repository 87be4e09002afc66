using Microsoft.Extensions.Logging;
using Stow.Cell.Backends;
using Stow.Cell.Hosting;
using Stow.Hardware.Cameras;
using Stow.Perception.Onnx;
using Stow.Perception.Pipeline;
using Stow.Perception.Rectification;

namespace Stow.Cell.Perception;

/// <summary>
/// Loads the band and space ONNX models (<c>Cell:Perception:Models</c>, with the provider, threads and graph
/// optimisation of <c>Cell:Perception</c>) into a <see cref="PodSpacePipeline"/> calibrated from the HAL cameras' own
/// calibration: each bin is seen by one camera (<see cref="FaceCalibration.CameraOfBin"/>) and its opening is projected
/// into that camera's image (<see cref="FaceCalibration.Quads(Stow.Core.Pods.PodType, IReadOnlyList{CameraIntrinsics}, IReadOnlyList{Stow.Core.Geometry.Pose}, IReadOnlyList{int})"/>).
/// The same code serves a live cell's cameras and the simulator's. Stateless; thread-safe.
/// </summary>
public static class CameraModels
{
    /// <summary>Loads the models and calibrates the pipeline for <paramref name="cameras"/>.</summary>
    /// <param name="context">The shift's configuration, pod type and logs.</param>
    /// <param name="cameras">The face cameras (configured, so their calibration is known), in the order their frames are passed.</param>
    /// <returns>The pipeline (owned by the caller).</returns>
    /// <exception cref="ShiftSetupException">No camera, cameras with different intrinsics, a bin no camera sees, a model
    /// missing or refused (the message says which; nothing has moved).</exception>
    public static PodSpacePipeline Load(CellBackendContext context, IReadOnlyList<ICamera> cameras)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cameras);
        if (cameras.Count == 0)
        {
            throw new ShiftSetupException("perception needs at least one camera; the backend provides none");
        }

        var k = cameras[0].Intrinsics;
        if (cameras.FirstOrDefault(c => c.Intrinsics != k) is { } other)
        {
            throw new ShiftSetupException($"camera '{other.Name}' has intrinsics {other.Intrinsics}, camera '{cameras[0].Name}' {k}: the models take one set of intrinsics for all face cameras");
        }

        OpeningQuad[] quads;
        int[] cameraOfBin;
        try
        {
            var poses = cameras.Select(c => c.Extrinsics).ToArray();
            cameraOfBin = FaceCalibration.CameraOfBin(context.PodType, poses);
            quads = FaceCalibration.Quads(context.PodType, cameras.Select(c => c.Intrinsics).ToArray(), poses, cameraOfBin);
        }
        catch (InvalidOperationException e)
        {
            throw new ShiftSetupException($"{(cameras.Count > 1 ? "cameras" : "camera")} '{string.Join("', '", cameras.Select(c => c.Name))}' {(cameras.Count > 1 ? "do" : "does")} not see pod type {context.PodType.Name} with their calibration: {e.Message}", e);
        }

        var o = context.Options.Perception;
        var folder = Path.Combine(context.RepoRoot, o.Models);
        var options = new OnnxSessionOptions
        {
            ExecutionProvider = OnnxSessionOptions.Parse(o.Provider),
            CudaDeviceId = o.DeviceId,
            IntraOpThreadCount = o.IntraOpThreads,
            GraphOptimizationLevel = OnnxSessionOptions.ParseOptimizationLevel(o.GraphOptimization),
        };
        OnnxModel? band = null;
        try
        {
            var log = context.Logs.CreateLogger("Stow.Perception");
            band = OnnxModel.Load(ModelFile(folder, "band.onnx"), options, log);
            var space = OnnxModel.Load(ModelFile(folder, "space.onnx"), options, log);
            return new PodSpacePipeline(band, space, context.PodType, quads, (k.Fx, k.Fy, k.Cx, k.Cy), frameOfBin: cameraOfBin)
            {
                DepthMargin = (float)o.DepthMargin,
                GeometricBound = o.GeometricBound,
            };
        }
        catch (Exception e) when (e is FileNotFoundException or ModelContractException or OnnxRuntimeException or DllNotFoundException)
        {
            band?.Dispose();
            throw new ShiftSetupException(e.Message + (e is DllNotFoundException ? " (ONNX Runtime's native library comes with the NuGet package Microsoft.ML.OnnxRuntime.Gpu: restore with ./run.sh or scripts/setup.sh)" : string.Empty), e);
        }
    }

    private static string ModelFile(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? path
            : throw new FileNotFoundException($"perception model {path} is missing: restore it with `git checkout -- models/` or retrain with `/usr/bin/python3 training/train.py` (see models/README.md)", path);
    }
}
