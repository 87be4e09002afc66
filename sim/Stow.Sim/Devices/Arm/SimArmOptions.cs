using Stow.Core.Geometry;
using Stow.Hardware.Management;
using Stow.Hardware.Ur.Kinematics;

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

    /// <summary>The arm model whose kinematics map the TCP pose to joint positions (default UR10e, the e-Series arm with
    /// the longest reach, 1.3 m).</summary>
    public UrModel Model { get; init; } = UrModel.Ur10e;

    /// <summary>
    /// Pose of the arm's base frame in the cell (pod face) frame. Default: 0.75 m in front of the face, 0.5 m to the
    /// side, 1.0 m up, axes parallel to the face frame (assumed mounting; a fixed base reaches the middle rows, a real
    /// cell would mount the arm on a lift to reach a 2.4 m pod, which is not modelled: outside the reach the joints
    /// hold their last solution and <see cref="SimArm.Reachable"/> turns false).
    /// </summary>
    public Pose BasePose { get; init; } = Pose.At(-0.75, 0.5, 1.0);

    /// <summary>
    /// Pose of the TCP in the flange frame: 0.25 m out along the flange axis, rotated so that the TCP's x axis (the feed
    /// axis of the EOAT, REP 103 forward) is the flange's z axis (assumed EOAT length).
    /// </summary>
    public Pose ToolOffset { get; init; } = new(new Vec3(0, 0, 0.25), Quat.FromAxisAngle(Vec3.UnitY, -Math.PI / 2));

    /// <summary>Reads options from a component's params; missing keys keep their defaults.</summary>
    /// <param name="c">Component configuration (keys: the property names in camelCase; initial pose as initialX/initialY/initialZ;
    /// <c>model</c> "ur3e".."ur16e"; base pose as baseX/baseY/baseZ [m] and baseRoll/basePitch/baseYaw [rad]).</param>
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
            Model = UrDhParameters.ParseModel(c.GetString("model", "ur10e")),
            BasePose = new Pose(
                new Vec3(c.GetDouble("baseX", d.BasePose.Position.X), c.GetDouble("baseY", d.BasePose.Position.Y), c.GetDouble("baseZ", d.BasePose.Position.Z)),
                Quat.FromRpy(c.GetDouble("baseRoll", 0), c.GetDouble("basePitch", 0), c.GetDouble("baseYaw", 0))),
        };
    }
}
