using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Space;
using Stow.Hardware.Cameras;
using Stow.Perception.Change;
using Stow.Perception.Pipeline;

namespace Stow.Cell.Perception;

/// <summary>
/// Perception on the HAL's cameras: the ONNX pipeline (<see cref="PodSpacePipeline"/>, calibrated from the cameras' own
/// intrinsics and extrinsics, <see cref="CameraModels"/>, <see cref="FaceCalibration"/>) run on the cameras' latest
/// frames, one per camera (each bin in the frame of the camera that sees it). Before each look it asks each camera it
/// reads for a fresh frame (<c>refresh</c>: a live cell runs one control cycle, in which the cameras publish their
/// newest frames; the simulator triggers a capture), in camera order; the estimate carries the frames' capture time. A recorded camera serves the same frames whatever the arm did: the cell then sees the recorded
/// pod, not the one in front of it. Single-threaded (the shift thread); owns the pipeline.
/// </summary>
public sealed class CameraPerception : IShiftPerception, IPerceivedFrames, IDisposable
{
    private readonly ICamera[] _cameras;
    private readonly PodSpacePipeline _pipeline;
    private readonly Action<ICamera> _refresh;
    private readonly Func<PodId> _pod;
    private readonly RgbdFrame?[] _lastFrames;
    private readonly Dictionary<BinId, DepthChangeProfile> _changes = [];

    /// <summary>Creates the perception.</summary>
    /// <param name="camera">The camera (readable).</param>
    /// <param name="pipeline">The models, calibrated for <paramref name="camera"/>; owned.</param>
    /// <param name="refresh">Runs one control cycle (the camera's <c>Read</c> publishes a frame).</param>
    /// <param name="pod">The pod at the station.</param>
    public CameraPerception(ICamera camera, PodSpacePipeline pipeline, Action refresh, Func<PodId> pod)
        : this([camera], pipeline, _ => refresh(), pod)
    {
        ArgumentNullException.ThrowIfNull(refresh);
    }

    /// <summary>Creates the perception over several face cameras.</summary>
    /// <param name="cameras">The cameras (readable), in the pipeline's frame order (<see cref="PodSpacePipeline.FrameOfBin"/>).</param>
    /// <param name="pipeline">The models, calibrated for <paramref name="cameras"/>; owned.</param>
    /// <param name="refresh">Makes the camera publish a fresh frame (called before each of its frames is read).</param>
    /// <param name="pod">The pod at the station.</param>
    /// <exception cref="ArgumentException">The pipeline needs more frames than there are cameras.</exception>
    public CameraPerception(IReadOnlyList<ICamera> cameras, PodSpacePipeline pipeline, Action<ICamera> refresh, Func<PodId> pod)
    {
        ArgumentNullException.ThrowIfNull(cameras);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(refresh);
        ArgumentNullException.ThrowIfNull(pod);
        if (cameras.Count < pipeline.FrameCount || cameras.Any(c => c is null))
        {
            throw new ArgumentException($"the pipeline reads {pipeline.FrameCount} camera frames; {cameras.Count} cameras given", nameof(cameras));
        }

        _cameras = [.. cameras];
        _pipeline = pipeline;
        _refresh = refresh;
        _pod = pod;
        _lastFrames = new RgbdFrame?[_pipeline.FrameCount];
    }

    /// <summary>The cameras, in frame order.</summary>
    public IReadOnlyList<ICamera> Cameras => _cameras;

    /// <inheritdoc />
    public event EventHandler<PerceivedBinFrame>? BinPerceived;

    /// <inheritdoc />
    public PodSpacePipeline Pipeline => _pipeline;

    /// <inheritdoc />
    public string ExecutionProvider => _pipeline.ExecutionProvider;

    /// <inheritdoc />
    /// <remarks>False when a camera replays recorded frames (<see cref="RecordedCamera"/>).</remarks>
    public bool SeesStowedItems => !_cameras.Any(c => c is RecordedCamera);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">A camera has served no frame.</exception>
    public PodSpaceEstimate Perceive(double time)
    {
        var frames = new RgbdFrame[_pipeline.FrameCount];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = _lastFrames[i] = Frame(_cameras[i]);
        }

        _changes.Clear();
        return _pipeline.Perceive(_pod(), frames);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The camera has served no frame.</exception>
    public BinSpaceEstimate PerceiveBin(BinId bin, double time)
    {
        var index = _pipeline.IndexOf(bin);
        var camera = _pipeline.FrameOfBin(index);
        var before = _lastFrames[camera];
        var frame = _lastFrames[camera] = Frame(_cameras[camera]);
        var estimate = _pipeline.PerceiveBin(bin, frame);
        if (before is not null && before.Width == frame.Width && before.Height == frame.Height)
        {
            _changes[bin] = _pipeline.MeasureChange(index, before, frame);
        }
        else
        {
            _changes.Remove(bin);
        }

        BinPerceived?.Invoke(this, new PerceivedBinFrame(frame, index, estimate));
        return estimate;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Measured in <see cref="PerceiveBin"/> between the bin's camera's frame before that call (the last one this perception
    /// read from that camera: after the previous attempt, or the pod's first look) and the frame it just read
    /// (<see cref="PodSpacePipeline.MeasureChange"/>); none after a whole-face <see cref="Perceive"/> (a new pod).
    /// </remarks>
    public DepthChangeProfile? LastChange(BinId bin) => _changes.GetValueOrDefault(bin);

    /// <inheritdoc />
    public void Dispose() => _pipeline.Dispose();

    /// <summary>The camera's latest frame as the pipeline takes it (depth in mm), after one refresh.</summary>
    private RgbdFrame Frame(ICamera camera)
    {
        _refresh(camera);
        var f = camera.LatestFrame;
        if (f.Sequence == 0)
        {
            throw new InvalidOperationException($"camera '{camera.Name}' has served no frame");
        }

        var k = camera.Intrinsics;
        var depth = f.Depth.Span;
        var mm = new ushort[depth.Length];
        for (var i = 0; i < mm.Length; i++)
        {
            mm[i] = (ushort)Math.Clamp(Math.Round(depth[i] * 1000), 0, ushort.MaxValue);
        }

        return new RgbdFrame(f.Rgb.ToArray(), mm, k.Width, k.Height, f.CaptureTime);
    }
}
