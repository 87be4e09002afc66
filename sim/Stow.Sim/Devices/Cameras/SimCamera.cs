using Stow.Core.Geometry;
using Stow.Hardware.Cameras;
using Stow.Hardware.Lifecycle;
using Stow.Sim.Devices.Faults;

namespace Stow.Sim.Devices.Cameras;

/// <summary>
/// Simulated RGB-D camera facing the pod. At <see cref="FrameRate"/> it renders, into preallocated buffers, a
/// schematic front view of <see cref="SimCell.Bins"/>: grey fabric, dark bin openings, and a light stripe for
/// each elastic band, except the bands of <see cref="SimCell.EngagedBin"/>, which the band separator holds
/// aside. Depth is the camera's distance to the face (openings: plus the bin depth). The photorealistic
/// renderer with ground truth belongs to the simulated world; this is the device-level stand-in.
/// A sensor: no write. Threading and lifecycle: as <see cref="ICamera"/>.
/// </summary>
public sealed class SimCamera : HardwareComponent, ICamera
{
    private readonly SimCell _cell;
    private readonly byte[] _rgb;
    private readonly float[] _depth;
    private CameraFrameRef _latest;
    private long _sequence;
    private double _nextCapture = double.NaN;

    /// <summary>Creates the camera, Unconfigured.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="cell">Shared simulation state.</param>
    /// <param name="intrinsics">Image size and pinhole parameters.</param>
    /// <param name="extrinsics">Camera pose in the pod face frame (looking along +x).</param>
    /// <param name="frameRate">Frames per second, &gt; 0.</param>
    /// <param name="faults">Fault knobs (null: none).</param>
    public SimCamera(string name, SimCell cell, CameraIntrinsics intrinsics, Pose extrinsics, double frameRate = 15, SimFaultKnobs? faults = null)
        : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameRate);
        _cell = cell;
        Intrinsics = intrinsics;
        Extrinsics = extrinsics;
        FrameRate = frameRate;
        Faults = faults ?? new SimFaultKnobs();
        _rgb = new byte[intrinsics.Width * intrinsics.Height * 3];
        _depth = new float[intrinsics.Width * intrinsics.Height];
    }

    /// <inheritdoc/>
    public CameraIntrinsics Intrinsics { get; }

    /// <inheritdoc/>
    public Pose Extrinsics { get; }

    /// <summary>Frames per second.</summary>
    public double FrameRate { get; }

    /// <summary>Fault knobs.</summary>
    public SimFaultKnobs Faults { get; }

    /// <inheritdoc/>
    public CameraFrameRef LatestFrame => _latest;

    /// <inheritdoc/>
    public override HardwareResult Read(double time, double period)
    {
        if (Faults.CommsLoss)
        {
            return HardwareResult.Error;
        }

        if (double.IsNaN(_nextCapture))
        {
            _nextCapture = time;
        }

        if (time < _nextCapture || Faults.FreezeSensor)
        {
            return HardwareResult.Ok;
        }

        _nextCapture += 1.0 / FrameRate;
        Render();
        _latest = new CameraFrameRef(++_sequence, time, _rgb, _depth);
        return HardwareResult.Ok;
    }

    private void Render()
    {
        var k = Intrinsics;
        var cam = Extrinsics.Position;
        var range = Math.Max(0.1, -cam.X);
        for (var v = 0; v < k.Height; v++)
        {
            for (var u = 0; u < k.Width; u++)
            {
                // Ray through the pixel hits the face plane x = 0 (camera looks along +x, image u to -y, v to -z).
                var y = cam.Y - ((u - k.Cx) / k.Fx * range);
                var z = cam.Z - ((v - k.Cy) / k.Fy * range);
                byte shade = 128;
                var depth = (float)range;
                var bins = _cell.Bins;
                for (var b = 0; b < bins.Count; b++)
                {
                    var bin = bins[b];
                    var o = bin.Origin;
                    if (y < o.Y || y > o.Y + bin.OpeningWidth || z < o.Z || z > o.Z + bin.OpeningHeight)
                    {
                        continue;
                    }

                    shade = 40;
                    depth = (float)(range + bin.Depth);
                    if (_cell.EngagedBin == bin.Id)
                    {
                        break;
                    }

                    for (var j = 0; j < bin.BandHeights.Count; j++)
                    {
                        var h = bin.BandHeights[j];
                        if (Math.Abs(z - o.Z - h) <= bin.BandWidth / 2)
                        {
                            shade = 220;
                            depth = (float)range;
                        }
                    }

                    break;
                }

                var i = (v * k.Width) + u;
                _rgb[(3 * i) + 0] = shade;
                _rgb[(3 * i) + 1] = shade;
                _rgb[(3 * i) + 2] = shade;
                _depth[i] = depth;
            }
        }
    }
}
