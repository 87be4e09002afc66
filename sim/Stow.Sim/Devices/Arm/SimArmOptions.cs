using Stow.Core.Geometry;
using Stow.Hardware.Management;

namespace Stow.Sim.Devices.Arm;

/// <summary>
/// Limits and sensor model of the simulated arm. Defaults follow a Universal Robots UR5e
/// (e-Series datasheet: "TCP speed 1 m/s", joint speed 180 °/s; PolyScope's default MoveL tool acceleration
/// 1.2 m/s²); the other values are assumptions stated per parameter. Config keys are the camelCase names.
/// </summary>
public sealed record SimArmOptions
{
    /// <summary>Maximum TCP linear speed [m/s] (UR5e datasheet: 1 m/s).</summary>
    public double MaxLinearSpeed { get; init; } = 1.0;

    /// <summary>Maximum TCP linear acceleration [m/s²] (PolyScope default MoveL tool acceleration 1.2 m/s²).</summary>
    public double MaxLinearAcceleration { get; init; } = 1.2;

    /// <summary>Maximum TCP angular speed [rad/s] (UR5e joint speed 180 °/s = π rad/s).</summary>
    public double MaxAngularSpeed { get; init; } = Math.PI;

    /// <summary>Maximum TCP angular acceleration [rad/s²] (assumed, PolyScope default joint acceleration 80 °/s² ≈ 1.4 rad/s² rounded up).</summary>
    public double MaxAngularAcceleration { get; init; } = 1.5;

    /// <summary>Time constant τ of the first-order pose tracking v = e/τ [s] (assumed servo bandwidth ≈ 8 Hz).</summary>
    public double TimeConstant { get; init; } = 0.02;

    /// <summary>Deceleration during a protective stop or e-stop [m/s², rad/s² for rotation] (assumed category-1 stop ramp).</summary>
    public double StopDeceleration { get; init; } = 10;

    /// <summary>Standard deviation of the force noise per axis [N] (assumed; UR5e F/T precision is specified as 3.5 N, a dedicated sensor such as ATI Axia80 resolves ≈ 0.1 N).</summary>
    public double ForceNoise { get; init; } = 0.3;

    /// <summary>Standard deviation of the torque noise per axis [N·m] (assumed).</summary>
    public double TorqueNoise { get; init; } = 0.01;

    /// <summary>Contact force magnitude that latches a protective stop [N] (ISO/TS 15066-style limit, assumed 150 N).</summary>
    public double ProtectiveStopForce { get; init; } = 150;

    /// <summary>Initial TCP pose in the pod face frame.</summary>
    public Pose InitialPose { get; init; } = Pose.At(-0.4, 0.2, 0.3);

    /// <summary>Reads options from a component's params; missing keys keep their defaults.</summary>
    /// <param name="c">Component configuration (keys: the property names in camelCase; initial pose as initialX/initialY/initialZ).</param>
    /// <returns>The options.</returns>
    public static SimArmOptions FromConfig(ComponentConfig c)
    {
        var d = new SimArmOptions();
        var p = d.InitialPose.Position;
        return new SimArmOptions
        {
            MaxLinearSpeed = c.GetDouble("maxLinearSpeed", d.MaxLinearSpeed),
            MaxLinearAcceleration = c.GetDouble("maxLinearAcceleration", d.MaxLinearAcceleration),
            MaxAngularSpeed = c.GetDouble("maxAngularSpeed", d.MaxAngularSpeed),
            MaxAngularAcceleration = c.GetDouble("maxAngularAcceleration", d.MaxAngularAcceleration),
            TimeConstant = c.GetDouble("timeConstant", d.TimeConstant),
            StopDeceleration = c.GetDouble("stopDeceleration", d.StopDeceleration),
            ForceNoise = c.GetDouble("forceNoise", d.ForceNoise),
            TorqueNoise = c.GetDouble("torqueNoise", d.TorqueNoise),
            ProtectiveStopForce = c.GetDouble("protectiveStopForce", d.ProtectiveStopForce),
            InitialPose = Pose.At(c.GetDouble("initialX", p.X), c.GetDouble("initialY", p.Y), c.GetDouble("initialZ", p.Z)),
        };
    }
}
