using Stow.Core.Geometry;
using Stow.Hardware.Cameras;
using Stow.Hardware.Lifecycle;
using Stow.Sim.Rendering;

namespace Stow.Sim.Cell.Devices;

/// <summary>
/// A simulated RGB-D camera of the cell's camera rig that renders the simulated world's pod at the station
/// (<see cref="PodFaceRenderer"/>: textured items, fabric, elastic bands, seeded sensor noise), served through
/// <see cref="ICamera"/> so the cell perceives it exactly as a live camera. Software-triggered, as a machine-vision camera
/// in trigger mode: <see cref="Trigger"/> arms one capture and the next <see cref="Read"/> renders it (a render costs tens
/// of milliseconds, so the camera never free-runs at the control rate). The frame's noise seed comes from
/// <c>nextSeed</c>, which the rig's cameras share (seed·100 000 + capture number, as the simulator's perception always
/// drew it), so figures stay comparable across versions. Its calibration (<see cref="Intrinsics"/>, <see cref="Extrinsics"/>)
/// is the mounted camera's (<see cref="CameraModel"/>), which the cell reads from the device.
/// <para>Threading: <see cref="Trigger"/>, <see cref="Read"/> and <see cref="LatestFrame"/> on one thread (the shift
/// thread in the simulator). Lifecycle: frames are produced in Inactive and Active; the buffers of
/// <see cref="LatestFrame"/> are overwritten by the next capture.</para>
/// </summary>
public sealed class RenderedPodCamera : HardwareComponent, ICamera
{
    private readonly PodFaceRenderer _renderer;
    private readonly Func<RenderScene> _scene;
    private readonly Func<int> _nextSeed;
    private readonly float[] _depth;
    private CameraFrameRef _latest;
    private long _sequence;
    private bool _armed;

    /// <summary>Creates the camera, Unconfigured.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="camera">The mounted camera: intrinsics [px] and optical-frame pose in the pod face frame [m].</param>
    /// <param name="scene">What is in front of the camera now (the pod at the station, built on demand).</param>
    /// <param name="nextSeed">The next sensor-noise seed (shared by the rig's cameras).</param>
    /// <param name="noise">Sensor noise; null: the renderer's default.</param>
    public RenderedPodCamera(string name, CameraModel camera, Func<RenderScene> scene, Func<int> nextSeed, SensorNoiseOptions? noise = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(nextSeed);
        _renderer = new PodFaceRenderer(camera, noise);
        _scene = scene;
        _nextSeed = nextSeed;
        _depth = new float[camera.Width * camera.Height];
        Model = camera;
        Intrinsics = new CameraIntrinsics(camera.Width, camera.Height, camera.Fx, camera.Fy, camera.Cx, camera.Cy);
        Extrinsics = camera.Pose;
    }

    /// <summary>The mounted camera.</summary>
    public CameraModel Model { get; }

    /// <inheritdoc/>
    public CameraIntrinsics Intrinsics { get; }

    /// <inheritdoc/>
    public Pose Extrinsics { get; }

    /// <inheritdoc/>
    public CameraFrameRef LatestFrame => _latest;

    /// <summary>Frames captured so far.</summary>
    public long Captures => _sequence;

    /// <summary>Arms one capture: the next <see cref="Read"/> renders a frame.</summary>
    public void Trigger() => _armed = true;

    /// <inheritdoc/>
    /// <remarks>Renders one frame stamped <paramref name="time"/> [s] when a capture is armed; otherwise keeps the latest.</remarks>
    public override HardwareResult Read(double time, double period)
    {
        if (!IsReadable)
        {
            return HardwareResult.Error;
        }

        if (!_armed)
        {
            return HardwareResult.Ok;
        }

        _armed = false;
        var f = _renderer.Render(_scene(), time, _nextSeed());
        var mm = f.Depth;
        for (var i = 0; i < _depth.Length; i++)
        {
            _depth[i] = mm[i] / 1000f;
        }

        _latest = new CameraFrameRef(++_sequence, time, f.Rgb, _depth);
        return HardwareResult.Ok;
    }
}
