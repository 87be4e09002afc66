using Stow.Core.Geometry;
using Stow.Hardware.Arm;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Ur.Kinematics;
using Stow.Sim.Devices.Contact;
using Stow.Sim.Devices.Faults;

namespace Stow.Sim.Devices.Arm;

/// <summary>
/// Simulated compliant arm. Each <c>Read</c> integrates one period: the TCP velocity tracks the command with
/// first-order dynamics (pose mode: v* = (x_ref − x)/τ, limited to √(2·a_max·|x_ref − x|) so it can brake in time; twist mode: v* = twist), clamped to the speed limits
/// times the speed scaling, and changes by at most the acceleration limit per period (ramped to zero at the
/// stop deceleration during a protective stop or e-stop). The wrench comes from <see cref="ToolContactModel"/>
/// (spring-damper contact of spatula and paddles with <see cref="SimCell.Geometry"/>) plus seeded Gaussian noise.
/// Joint positions are the inverse kinematics of the TCP pose (<see cref="SimArmOptions.Model"/>'s DH table, base at
/// <see cref="SimArmOptions.BasePose"/>, tool at <see cref="SimArmOptions.ToolOffset"/>), the solution nearest to the
/// previous joints; joint velocities are their finite differences.
/// Threading and lifecycle: as <see cref="IArm"/>. Deterministic for the cell's seed.
/// </summary>
public sealed class SimArm : ArmComponent
{
    private readonly SimCell _cell;
    private readonly SimArmOptions _options;
    private readonly ToolContactModel _contact;
    private readonly GaussianNoise _noise;
    private ArmCommand _active;
    private ArmState _state;
    private Pose _pose;
    private Vec3 _v;
    private Vec3 _w;
    private JointVector _q;
    private JointVector _qd;

    /// <summary>Creates the arm, Unconfigured.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="cell">Shared simulation state.</param>
    /// <param name="options">Limits and sensor model.</param>
    /// <param name="faults">Fault knobs (null: none).</param>
    /// <param name="contact">Contact parameters (null: defaults).</param>
    public SimArm(string name, SimCell cell, SimArmOptions options, SimFaultKnobs? faults = null, ContactModelOptions? contact = null)
        : base(name)
    {
        _cell = cell;
        _options = options;
        Faults = faults ?? new SimFaultKnobs();
        _contact = new ToolContactModel(contact ?? ContactModelOptions.Default, cell.Tool);
        _noise = new GaussianNoise(cell.CreateRandom(name));
        _pose = options.InitialPose;
        Kinematics = UrKinematics.For(options.Model, options.ToolOffset);
        _q = ElbowUpSeed();
        Reachable = Kinematics.InverseNearest(options.BasePose.Inverse() * _pose, _q, out _q);
        _state.JointPositions = _q;
    }

    /// <summary>The arm's kinematics (TCP in the base frame).</summary>
    public UrKinematics Kinematics { get; }

    /// <summary>Limits, sensor model and mounting in force.</summary>
    public SimArmOptions Options => _options;

    /// <summary>False while the TCP pose is outside the arm's reach from its base (joints hold their last solution).</summary>
    public bool Reachable { get; private set; }

    /// <summary>Joint velocities of the last cycle [rad/s] (finite differences of the joint positions).</summary>
    public JointVector JointVelocities => _qd;

    /// <summary>True when the protective stop is latched (force limit or <see cref="ArmComponent.TriggerProtectiveStop"/>), not counting an e-stop.</summary>
    public bool ProtectiveStopLatched => HostStopLatched;

    /// <summary>Fault knobs, settable at any time.</summary>
    public SimFaultKnobs Faults { get; }

    /// <inheritdoc/>
    public override ArmState State => _state;

    /// <summary>Noise-free contact wrench of the last cycle [N, N·m] (ground truth for tests).</summary>
    public Wrench TrueWrench { get; private set; }

    /// <inheritdoc/>
    protected override bool CommandsStopped => Stopped;

    /// <inheritdoc/>
    protected override bool EmergencyStopPressed => _cell.EStopPressed;

    /// <inheritdoc/>
    public override HardwareResult Read(double time, double period)
    {
        if (Faults.CommsLoss)
        {
            return HardwareResult.Error;
        }

        var dt = Math.Clamp(period, 0, 0.1);
        var stopped = Stopped;
        Integrate(dt, stopped);
        var w = _contact.Compute(_cell.Geometry, _pose.Position, _v, _cell.SpatulaExtension, _cell.PaddleGap);
        TrueWrench = w;
        if (w.Force.Length > _options.ProtectiveStopForce)
        {
            LatchProtectiveStop();
        }

        if (Faults.FreezeSensor)
        {
            return HardwareResult.Ok;
        }

        var fn = _options.ForceNoise;
        var tn = _options.TorqueNoise;
        _state.TcpWrench = new Wrench(
            w.Force + new Vec3(_noise.Next(fn), _noise.Next(fn), _noise.Next(fn)),
            w.Torque + new Vec3(_noise.Next(tn), _noise.Next(tn), _noise.Next(tn)));
        _state.TcpPose = _pose;
        _state.TcpTwist = new Twist(_v, _w);
        _state.SpeedScaling = _active.SpeedScaling;
        _state.ProtectiveStop = Stopped;
        _state.Stamp = time;
        UpdateJoints(dt);
        return HardwareResult.Ok;
    }

    /// <inheritdoc/>
    public override HardwareResult Write(double time, double period)
    {
        if (Faults.CommsLoss)
        {
            return HardwareResult.Error;
        }

        if (!Faults.DropCommands)
        {
            _active = Pending;
        }

        return HardwareResult.Ok;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnConfigure()
    {
        _state.TcpPose = _pose;
        _state.SpeedScaling = 1;
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnActivate()
    {
        // Hold where we are: a fresh pose target at the current pose.
        Pending = new ArmCommand { Mode = (ArmCommandMode)Mode, TargetPose = _pose, SpeedScaling = 1, HasTarget = false };
        _active = Pending;
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnDeactivate()
    {
        Pending.HasTarget = false;
        _active.HasTarget = false;
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override void OnProtectiveStopReset() => _active.HasTarget = false;

    private bool Stopped => HostStopLatched || _cell.EStopPressed || _cell.ProtectiveStop;

    private void Integrate(double dt, bool stopped)
    {
        var o = _options;
        var scale = _active.SpeedScaling;
        Vec3 vDes = Vec3.Zero, wDes = Vec3.Zero;
        if (!stopped && _active.HasTarget && IsActive)
        {
            if (_active.Mode == ArmCommandMode.Pose)
            {
                // First order, limited to the speed limit and to √(2·a·|e|) so the arm can stop at the target.
                var e = _active.TargetPose.Position - _pose.Position;
                var r = RotationVector(_active.TargetPose.Orientation * _pose.Orientation.Conjugate);
                vDes = (e / o.TimeConstant).ClampLength(Math.Min(o.MaxLinearSpeed * scale, Math.Sqrt(2 * o.MaxLinearAcceleration * e.Length)));
                wDes = (r / o.TimeConstant).ClampLength(Math.Min(o.MaxAngularSpeed * scale, Math.Sqrt(2 * o.MaxAngularAcceleration * r.Length)));
            }
            else
            {
                vDes = _active.TargetTwist.Linear.ClampLength(o.MaxLinearSpeed * scale);
                wDes = _active.TargetTwist.Angular.ClampLength(o.MaxAngularSpeed * scale);
            }
        }

        var aLin = stopped ? o.StopDeceleration : o.MaxLinearAcceleration;
        var aAng = stopped ? o.StopDeceleration : o.MaxAngularAcceleration;
        _v += (vDes - _v).ClampLength(aLin * dt);
        _w += (wDes - _w).ClampLength(aAng * dt);
        var pos = _pose.Position + (_v * dt);
        var q = _pose.Orientation;
        var angle = _w.Length * dt;
        if (angle > 1e-12)
        {
            q = Quat.FromAxisAngle(_w / _w.Length, angle) * q;
            var n = Math.Sqrt((q.X * q.X) + (q.Y * q.Y) + (q.Z * q.Z) + (q.W * q.W));
            q = new Quat(q.X / n, q.Y / n, q.Z / n, q.W / n);
        }

        _pose = new Pose(pos, q);
    }

    private static Vec3 RotationVector(Quat q)
    {
        if (q.W < 0)
        {
            q = new Quat(-q.X, -q.Y, -q.Z, -q.W);
        }

        var s = Math.Sqrt((q.X * q.X) + (q.Y * q.Y) + (q.Z * q.Z));
        if (s < 1e-12)
        {
            return Vec3.Zero;
        }

        var angle = 2 * Math.Atan2(s, q.W);
        return new Vec3(q.X, q.Y, q.Z) * (angle / s);
    }

    private static JointVector ElbowUpSeed()
    {
        var q = default(JointVector);
        q[1] = -Math.PI / 2;
        q[2] = Math.PI / 2;
        q[3] = -Math.PI / 2;
        q[4] = -Math.PI / 2;
        return q;
    }

    private void UpdateJoints(double dt)
    {
        var previous = _q;
        Reachable = Kinematics.InverseNearest(_options.BasePose.Inverse() * _pose, previous, out _q);
        for (var i = 0; i < JointVector.Count; i++)
        {
            _qd[i] = dt > 0 ? (_q[i] - previous[i]) / dt : 0;
        }

        _state.JointPositions = _q;
    }
}
