using System.Diagnostics;
using Stow.Core.Geometry;
using Stow.Hardware.Arm;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Ur.Control;
using Stow.Hardware.Ur.Dashboard;
using Stow.Hardware.Ur.Kinematics;
using Stow.Hardware.Ur.Rtde;

namespace Stow.Hardware.Ur;

/// <summary>
/// The <c>ur.arm</c> hardware component: a Universal Robots e-Series arm driven over RTDE with the external-control
/// pattern. Configure connects RTDE (protocol 2, the state recipe at <see cref="UrArmOptions.Frequency"/>, the command
/// input recipe) and the dashboard; Activate powers the arm on and releases the brakes when needed, sends the
/// <see cref="UrControlScript"/> program through the secondary interface and waits until it runs; each
/// <c>Write</c> then sends the commanded twist (pose mode: v = e/τ, limited to the speed limits × speed scaling and
/// to √(2·a·|e|) so it can brake) and a fresh watchdog count; Deactivate ends the program.
/// <para>States: <c>Read</c> takes the latest package of the RTDE receive thread and converts it to the cell frame
/// (<see cref="UrArmOptions.BasePose"/>): joint positions, TCP pose (rotation vector → quaternion), twist, wrench
/// (<c>actual_TCP_force</c>), speed scaling. Safety: <c>safety_status</c> other than NORMAL or REDUCED, or the
/// program not running while Active, sets <see cref="ArmState.ProtectiveStop"/>; a robot or system emergency stop
/// also sets <see cref="ArmState.EmergencyStop"/>.</para>
/// <para>Faults: a lost connection, a malformed package (the client resets), a state older than
/// <see cref="UrArmOptions.StateTimeout"/>, or a non-finite value makes <c>Read</c> return Error, so the manager
/// runs the error path before anything is commanded from it; a failed send makes <c>Write</c> return Error. The
/// controller's program stops the arm itself when the watchdog count stalls.</para>
/// <para>Threading and lifecycle: as <see cref="IArm"/>; <see cref="WaitForNextState"/> may be called by the loop's
/// pacer between cycles; <see cref="Recover"/> runs outside the loop.</para>
/// </summary>
#pragma warning disable CA1001 // the connections' lifetime follows the lifecycle transitions (cleanup, shutdown, error), not a using scope.
public sealed partial class UrArm : ArmComponent
#pragma warning restore CA1001
{
    private static readonly string[] OutputFields =
    [
        "timestamp", "actual_q", "actual_qd", "actual_TCP_pose", "actual_TCP_speed", "actual_TCP_force", "target_q",
        "robot_mode", "safety_mode", "safety_status", "runtime_state", "speed_scaling",
        "output_int_register_" + UrControlRegisters.ProgramState, "output_int_register_" + UrControlRegisters.WatchdogTripped,
    ];

    private readonly UrArmOptions _options;
    private RtdeClient? _rtde;
    private UrDashboardClient? _dashboard;
    private RtdeInputRecipe? _commandRecipe;
    private RtdeState _latest;
    private string _failureDetail = string.Empty;
    private RtdeState _inputs;
    private ArmState _state;
    private ulong _readSequence;
    private ulong _pacerSequence;
    private long _freshAt;

    /// <summary>Creates the driver, Unconfigured.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="options">Connection, frames and limits.</param>
    public UrArm(string name, UrArmOptions options)
        : base(name)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Settings in force.</summary>
    public UrArmOptions Options => _options;

    /// <inheritdoc/>
    public override ArmState State => _state;

    /// <inheritdoc/>
    protected override bool CommandsStopped => _state.ProtectiveStop;

    /// <inheritdoc/>
    protected override bool EmergencyStopPressed => _state.EmergencyStop;

    /// <summary>The controller's version, read on configure.</summary>
    public UrControlVersion ControllerVersion { get; private set; }

    /// <summary>The latest raw RTDE state (base frame, controller units), as of the last <c>Read</c>.</summary>
    public RtdeState Raw => _latest;

    /// <summary>The RTDE client while configured (statistics: packages, malformed count).</summary>
    public RtdeClient? Rtde => _rtde;

    /// <summary>
    /// Blocks until the controller sends a state newer than the last one this method returned (the controller's
    /// 500 Hz packages pace the loop, as UR's own drivers do). No allocation.
    /// </summary>
    /// <param name="timeout">Longest wait.</param>
    /// <returns>False on timeout or when the connection is down.</returns>
    public bool WaitForNextState(TimeSpan timeout)
    {
        var c = _rtde;
        if (c is null || !c.IsConnected)
        {
            return false;
        }

        var ok = c.WaitForNextState(_pacerSequence, timeout, out var s);
        _pacerSequence = s.Sequence;
        return ok;
    }

    /// <inheritdoc/>
    public override HardwareResult Read(double time, double period)
    {
        var c = _rtde;
        if (c is null || !c.IsConnected)
        {
            LastError = "RTDE connection lost";
            return HardwareResult.Error;
        }

        c.TryGetLatest(out _latest);
        var now = Stopwatch.GetTimestamp();
        if (_latest.Sequence != _readSequence)
        {
            _readSequence = _latest.Sequence;
            _freshAt = now;
        }
        else if ((now - _freshAt) > _options.StateTimeout * Stopwatch.Frequency)
        {
            LastError = "RTDE state older than stateTimeout";
            return HardwareResult.Error;
        }

        ref readonly var s = ref _latest;
        if (!AllFinite(s.ActualTcpPose) || !AllFinite(s.ActualTcpSpeed) || !AllFinite(s.ActualTcpForce) || !AllFinite(s.ActualQ)
            || !double.IsFinite(s.SpeedScaling))
        {
            LastError = "RTDE state holds a non-finite value";
            return HardwareResult.Error;
        }

        var b = _options.BasePose;
        var rot = b.Orientation;
        var local = new Pose(
            new Vec3(s.ActualTcpPose[0], s.ActualTcpPose[1], s.ActualTcpPose[2]),
            RotationVector.ToQuat(new Vec3(s.ActualTcpPose[3], s.ActualTcpPose[4], s.ActualTcpPose[5])));
        _state.TcpPose = b * local;
        _state.TcpTwist = new Twist(
            rot.Rotate(new Vec3(s.ActualTcpSpeed[0], s.ActualTcpSpeed[1], s.ActualTcpSpeed[2])),
            rot.Rotate(new Vec3(s.ActualTcpSpeed[3], s.ActualTcpSpeed[4], s.ActualTcpSpeed[5])));
        _state.TcpWrench = new Wrench(
            rot.Rotate(new Vec3(s.ActualTcpForce[0], s.ActualTcpForce[1], s.ActualTcpForce[2])),
            rot.Rotate(new Vec3(s.ActualTcpForce[3], s.ActualTcpForce[4], s.ActualTcpForce[5])));
        for (var i = 0; i < JointVector.Count; i++)
        {
            _state.JointPositions[i] = s.ActualQ[i];
        }

        var safety = (UrSafetyMode)s.SafetyStatus;
        _state.EmergencyStop = safety is UrSafetyMode.RobotEmergencyStop or UrSafetyMode.SystemEmergencyStop;
        var programDown = IsActive && s.OutputIntRegisters[UrControlRegisters.ProgramState] != 1;
        _state.ProtectiveStop = HostStopLatched || programDown || safety is not (UrSafetyMode.Normal or UrSafetyMode.Reduced);
        _state.SpeedScaling = s.SpeedScaling;
        _state.Stamp = time;
        return HardwareResult.Ok;
    }

    /// <inheritdoc/>
    public override HardwareResult Write(double time, double period)
    {
        var c = _rtde;
        var recipe = _commandRecipe;
        if (c is null || recipe is null)
        {
            LastError = "RTDE connection lost";
            return HardwareResult.Error;
        }

        var cmd = Pending;
        var twist = Twist.Zero;
        var hold = _state.ProtectiveStop || !cmd.HasTarget;
        if (!hold)
        {
            // The controller applies the speed slider (speed_slider_fraction below) to speedl, as it does to any motion.
            twist = cmd.Mode == ArmCommandMode.Pose ? Track(cmd.TargetPose) : Limit(cmd.TargetTwist);
        }

        var inv = _options.BasePose.Orientation.Conjugate;
        var v = inv.Rotate(twist.Linear);
        var w = inv.Rotate(twist.Angular);
        var r = UrControlRegisters.TwistFirst;
        _inputs.InputIntRegisters[UrControlRegisters.Command] = hold ? UrControlRegisters.CommandHold : UrControlRegisters.CommandSpeed;
        _inputs.InputIntRegisters[UrControlRegisters.WatchdogCounter]++;
        _inputs.InputDoubleRegisters[r] = v.X;
        _inputs.InputDoubleRegisters[r + 1] = v.Y;
        _inputs.InputDoubleRegisters[r + 2] = v.Z;
        _inputs.InputDoubleRegisters[r + 3] = w.X;
        _inputs.InputDoubleRegisters[r + 4] = w.Y;
        _inputs.InputDoubleRegisters[r + 5] = w.Z;
        _inputs.SpeedSliderMask = 1;
        _inputs.SpeedSliderFraction = cmd.SpeedScaling;
        if (!c.Send(recipe, _inputs))
        {
            LastError = "RTDE send failed";
            return HardwareResult.Error;
        }

        return HardwareResult.Ok;
    }

    private static bool AllFinite(in RtdeVector6 v)
    {
        for (var i = 0; i < 6; i++)
        {
            if (!double.IsFinite(v[i]))
            {
                return false;
            }
        }

        return true;
    }

    private Twist Track(in Pose target)
    {
        var o = _options;
        var pose = _state.TcpPose;

        // The state is at least one controller step old when the twist takes effect: track from the pose predicted
        // that far ahead, so the braking curve starts in time (no overshoot into contact).
        var lead = o.LatencyCompensation;
        var e = target.Position - (pose.Position + (_state.TcpTwist.Linear * lead));
        var r = RotationVector.FromQuat(target.Orientation * pose.Orientation.Conjugate) - (_state.TcpTwist.Angular * lead);
        var v = (e / o.TimeConstant).ClampLength(Math.Min(o.MaxLinearSpeed, Math.Sqrt(2 * o.MaxLinearAcceleration * e.Length)));
        var w = (r / o.TimeConstant).ClampLength(Math.Min(o.MaxAngularSpeed, Math.Sqrt(2 * o.MaxAngularAcceleration * r.Length)));
        return new Twist(v, w);
    }

    private Twist Limit(in Twist t) =>
        new(t.Linear.ClampLength(_options.MaxLinearSpeed), t.Angular.ClampLength(_options.MaxAngularSpeed));
}
