using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Space;
using Stow.Hardware.Cameras;
using Stow.Perception.Pipeline;

namespace Stow.Cell.Perception;

/// <summary>
/// Perception on the HAL's camera: the ONNX pipeline (<see cref="PodSpacePipeline"/>, calibrated from the camera's own
/// intrinsics and extrinsics, <see cref="FaceCalibration"/>) run on the camera's latest frame. Before each look it asks
/// for one control cycle (<c>refresh</c>), in which the camera publishes its newest frame; the estimate carries that
/// frame's capture time. A recorded camera serves the same frames whatever the arm did: the cell then sees the recorded
/// pod, not the one in front of it. Single-threaded (the shift thread); owns the pipeline.
/// </summary>
public sealed class CameraPerception : IShiftPerception, IPerceivedFrames, IDisposable
{
    private readonly ICamera _camera;
    private readonly PodSpacePipeline _pipeline;
    private readonly Action _refresh;
    private readonly Func<PodId> _pod;

    /// <summary>Creates the perception.</summary>
    /// <param name="camera">The camera (readable).</param>
    /// <param name="pipeline">The models, calibrated for <paramref name="camera"/>; owned.</param>
    /// <param name="refresh">Runs one control cycle (the camera's <c>Read</c> publishes a frame).</param>
    /// <param name="pod">The pod at the station.</param>
    public CameraPerception(ICamera camera, PodSpacePipeline pipeline, Action refresh, Func<PodId> pod)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(refresh);
        ArgumentNullException.ThrowIfNull(pod);
        _camera = camera;
        _pipeline = pipeline;
        _refresh = refresh;
        _pod = pod;
    }

    /// <inheritdoc />
    public event EventHandler<PerceivedBinFrame>? BinPerceived;

    /// <inheritdoc />
    public PodSpacePipeline Pipeline => _pipeline;

    /// <inheritdoc />
    public string ExecutionProvider => _pipeline.ExecutionProvider;

    /// <inheritdoc />
    /// <remarks>False when the camera replays recorded frames (<see cref="RecordedCamera"/>).</remarks>
    public bool SeesStowedItems => _camera is not RecordedCamera;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The camera has served no frame.</exception>
    public PodSpaceEstimate Perceive(double time) => _pipeline.Perceive(_pod(), Frame());

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The camera has served no frame.</exception>
    public BinSpaceEstimate PerceiveBin(BinId bin, double time)
    {
        var frame = Frame();
        var estimate = _pipeline.PerceiveBin(bin, frame);
        BinPerceived?.Invoke(this, new PerceivedBinFrame(frame, _pipeline.IndexOf(bin), estimate));
        return estimate;
    }

    /// <inheritdoc />
    public void Dispose() => _pipeline.Dispose();

    /// <summary>The camera's latest frame as the pipeline takes it (depth in mm), after one refresh cycle.</summary>
    private RgbdFrame Frame()
    {
        _refresh();
        var f = _camera.LatestFrame;
        if (f.Sequence == 0)
        {
            throw new InvalidOperationException($"camera '{_camera.Name}' has served no frame");
        }

        var k = _camera.Intrinsics;
        var depth = f.Depth.Span;
        var mm = new ushort[depth.Length];
        for (var i = 0; i < mm.Length; i++)
        {
            mm[i] = (ushort)Math.Clamp(Math.Round(depth[i] * 1000), 0, ushort.MaxValue);
        }

        return new RgbdFrame(f.Rgb.ToArray(), mm, k.Width, k.Height, f.CaptureTime);
    }
}
