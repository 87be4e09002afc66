using System.Globalization;
using Stow.Core.Geometry;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Management;

namespace Stow.Hardware.Cameras;

/// <summary>
/// An RGB-D camera that serves a folder of recorded frames (<see cref="RecordedFrames"/>: a <c>sim render</c> folder, the
/// APC 2016 or the ARC 2017 frames) through <see cref="ICamera"/>, so perception in the cell can run on recorded real
/// frames exactly as on a live camera. A sensor: no write. Configured by type <see cref="TypeName"/> with parameters
/// <c>folder</c> (required), <c>frameRate</c> [Hz] (default 15), <c>camera</c> (ARC 2017 camera index, default 0) and
/// <c>loop</c> (default true: replay from the first frame after the last; false: hold the last).
/// <para>Lifecycle: on_configure loads and checks every frame (a bad frame fails it; <see cref="HardwareComponent.LastError"/>
/// names the file); frames are served in Inactive and Active, one per 1/<c>frameRate</c> of the loop's clock, each stamped
/// with the <c>Read</c> time that published it; on_cleanup drops them. Threading: as <see cref="ICamera"/>.</para>
/// </summary>
public sealed class RecordedCamera : HardwareComponent, ICamera
{
    /// <summary>Type key in the <see cref="HardwareRegistry"/>.</summary>
    public const string TypeName = "recorded.camera";

    private RecordedFrameSet? _set;
    private CameraFrameRef _latest;
    private long _sequence;
    private double _nextCapture = double.NaN;
    private string _failure = string.Empty;

    /// <summary>Creates the camera, Unconfigured.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="folder">Folder of recorded frames.</param>
    /// <param name="frameRate">Frames per second on the loop's clock, &gt; 0.</param>
    /// <param name="camera">ARC 2017 camera index (ignored by the other layouts), ≥ 0.</param>
    /// <param name="loop">Replay from the first frame after the last (true) or hold the last (false).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frameRate"/> is not positive and finite, or <paramref name="camera"/> is negative.</exception>
    public RecordedCamera(string name, string folder, double frameRate = 15, int camera = 0, bool loop = true)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!(frameRate > 0) || !double.IsFinite(frameRate))
        {
            throw new ArgumentOutOfRangeException(nameof(frameRate), frameRate, "frame rate must be finite and > 0 Hz");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(camera);
        Folder = folder;
        FrameRate = frameRate;
        Camera = camera;
        Loop = loop;
    }

    /// <summary>The folder of recorded frames.</summary>
    public string Folder { get; }

    /// <summary>Frames per second on the loop's clock.</summary>
    public double FrameRate { get; }

    /// <summary>ARC 2017 camera index.</summary>
    public int Camera { get; }

    /// <summary>Replay from the first frame after the last.</summary>
    public bool Loop { get; }

    /// <summary>The loaded frames (null until configured).</summary>
    public RecordedFrameSet? Frames => _set;

    /// <inheritdoc/>
    public CameraIntrinsics Intrinsics => _set?.Intrinsics ?? default;

    /// <inheritdoc/>
    public Pose Extrinsics => _set?.Extrinsics ?? Pose.Identity;

    /// <inheritdoc/>
    public CameraFrameRef LatestFrame => _latest;

    /// <inheritdoc/>
    protected override string FailureDetail => _failure;

    /// <summary>Registers <see cref="TypeName"/> (parameters: see the class summary).</summary>
    /// <param name="registry">Registry to fill.</param>
    /// <param name="baseDirectory">Directory against which a relative <c>folder</c> resolves (null: the working directory).</param>
    public static void Register(HardwareRegistry registry, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(TypeName, c =>
        {
            var folder = c.RequireString("folder", "folder of recorded frames");
            if (baseDirectory is not null && !Path.IsPathRooted(folder))
            {
                folder = Path.Combine(baseDirectory, folder);
            }

            var rate = c.GetDouble("frameRate", 15);
            var camera = c.GetInt64("camera", 0);
            if (!(rate > 0) || !double.IsFinite(rate))
            {
                throw c.ParamError("frameRate", string.Create(CultureInfo.InvariantCulture, $"frameRate {rate} Hz must be finite and > 0"));
            }

            if (camera is < 0 or > int.MaxValue)
            {
                throw c.ParamError("camera", string.Create(CultureInfo.InvariantCulture, $"camera index {camera} must be ≥ 0"));
            }

            return new RecordedCamera(c.Name, folder, rate, (int)camera, c.GetBool("loop", true));
        });
    }

    /// <inheritdoc/>
    public override HardwareResult Read(double time, double period)
    {
        if (_set is null)
        {
            return HardwareResult.Error;
        }

        if (double.IsNaN(_nextCapture))
        {
            _nextCapture = time;
        }

        if (time < _nextCapture)
        {
            return HardwareResult.Ok;
        }

        _nextCapture += 1.0 / FrameRate;
        var count = _set.Frames.Count;
        var index = Loop ? (int)(_sequence % count) : (int)Math.Min(_sequence, count - 1);
        var frame = _set.Frames[index];
        _latest = new CameraFrameRef(++_sequence, time, frame.Rgb, frame.Depth);
        return HardwareResult.Ok;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnConfigure()
    {
        try
        {
            _set = RecordedFrames.Load(Folder, Camera);
            _failure = string.Empty;
            return CallbackReturn.Success;
        }
        catch (RecordedFrameException e)
        {
            _failure = e.Message;
            return CallbackReturn.Failure;
        }
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnCleanup()
    {
        _set = null;
        _latest = default;
        _sequence = 0;
        _nextCapture = double.NaN;
        return CallbackReturn.Success;
    }
}
