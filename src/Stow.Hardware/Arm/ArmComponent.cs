using Stow.Core.Geometry;
using Stow.Hardware.Lifecycle;

namespace Stow.Hardware.Arm;

/// <summary>
/// Base class of every <see cref="IArm"/> driver (UR over RTDE, the simulator's arm): the command set-points of
/// <see cref="IArm"/> admitted by <see cref="ArmCommandGate"/> into <see cref="Pending"/>, the host-side protective stop
/// latch, and the two modes (<see cref="ArmCommandMode"/>). A refused command is never stored, so the arm never moves on
/// a bad value. Derived classes read their device into <see cref="State"/> and send <see cref="Pending"/> in
/// <see cref="CommandedComponent.Write"/>.
/// Threading: set-points and <see cref="Pending"/> belong to the control-loop thread; the stop latch may be set from any
/// thread (volatile).
/// </summary>
public abstract class ArmComponent : CommandedComponent, IArm
{
    private ArmCommand _pending;
    private volatile bool _hostStop;

    /// <summary>Creates the arm, Unconfigured.</summary>
    /// <param name="name">Unique name from the configuration.</param>
    protected ArmComponent(string name)
        : base(name)
    {
    }

    /// <inheritdoc/>
    public abstract ArmState State { get; }

    /// <summary>True while a stop of any kind (host latch, controller or cell) refuses set-points.</summary>
    protected abstract bool CommandsStopped { get; }

    /// <summary>True while an emergency stop is pressed: a protective-stop reset is refused.</summary>
    protected abstract bool EmergencyStopPressed { get; }

    /// <summary>True while the host-side protective stop is latched (<see cref="TriggerProtectiveStop"/> or
    /// <see cref="LatchProtectiveStop"/>) and not yet reset.</summary>
    protected bool HostStopLatched => _hostStop;

    /// <summary>The command the next <see cref="CommandedComponent.Write"/> sends (by reference: derived classes reset it on
    /// activation and deactivation).</summary>
    protected ref ArmCommand Pending => ref _pending;

    /// <inheritdoc/>
    public CommandStatus CommandPose(in Pose target)
    {
        var s = ArmCommandGate.Pose(IsActive, CommandsStopped, Mode, target);
        if (s == CommandStatus.Accepted)
        {
            _pending.TargetPose = target;
            _pending.HasTarget = true;
        }

        return s;
    }

    /// <inheritdoc/>
    public CommandStatus CommandTwist(in Twist twist)
    {
        var s = ArmCommandGate.Twist(IsActive, CommandsStopped, Mode, twist);
        if (s == CommandStatus.Accepted)
        {
            _pending.TargetTwist = twist;
            _pending.HasTarget = true;
        }

        return s;
    }

    /// <inheritdoc/>
    public CommandStatus SetSpeedScaling(double scaling)
    {
        var s = ArmCommandGate.SpeedScaling(IsActive, scaling);
        if (s == CommandStatus.Accepted)
        {
            _pending.SpeedScaling = scaling;
        }

        return s;
    }

    /// <inheritdoc/>
    /// <remarks>A host-side stop: the arm holds until <see cref="ResetProtectiveStop"/>.</remarks>
    public CommandStatus TriggerProtectiveStop()
    {
        var s = ArmCommandGate.ProtectiveStop(IsActive, EmergencyStopPressed, reset: false);
        if (s == CommandStatus.Accepted)
        {
            _hostStop = true;
        }

        return s;
    }

    /// <inheritdoc/>
    /// <remarks>Clears the host-side stop and the set-point (the arm holds until the next one).</remarks>
    public CommandStatus ResetProtectiveStop()
    {
        var s = ArmCommandGate.ProtectiveStop(IsActive, EmergencyStopPressed, reset: true);
        if (s == CommandStatus.Accepted)
        {
            ClearHostStop();
            OnProtectiveStopReset();
        }

        return s;
    }

    /// <summary>Latches the host-side protective stop from the driver itself (e.g. a force limit).</summary>
    protected void LatchProtectiveStop() => _hostStop = true;

    /// <summary>Clears the host-side stop and the pending set-point (activation, reset, recovery).</summary>
    protected void ClearHostStop()
    {
        _hostStop = false;
        _pending.HasTarget = false;
    }

    /// <summary>Called after a protective-stop reset was accepted (clear device-side set-points). Default: nothing.</summary>
    protected virtual void OnProtectiveStopReset()
    {
    }

    /// <inheritdoc/>
    protected override bool SupportsMode(int mode) => mode is (int)ArmCommandMode.Pose or (int)ArmCommandMode.Twist;

    /// <inheritdoc/>
    protected override void OnModeSwitched(int mode)
    {
        _pending.Mode = (ArmCommandMode)mode;
        _pending.HasTarget = false;
    }
}
