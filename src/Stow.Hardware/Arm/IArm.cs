using Stow.Core.Geometry;
using Stow.Hardware.Lifecycle;

namespace Stow.Hardware.Arm;

/// <summary>
/// A compliant 6-axis arm with a force/torque sensor at the tool.
/// <para>Threading: <see cref="State"/> and the command setters are used from the control-loop thread;
/// setters only store values (no I/O), never allocate or throw.</para>
/// <para>Lifecycle: setters return <see cref="CommandStatus.NotActive"/> unless Active, and
/// <see cref="CommandStatus.Stopped"/> during a protective stop. Modes: <see cref="ArmCommandMode"/>
/// through <see cref="ICommandedComponent.PrepareModeSwitch"/> / <see cref="ICommandedComponent.PerformModeSwitch"/>;
/// a pose command is refused in twist mode and vice versa.</para>
/// </summary>
public interface IArm : ICommandedComponent
{
    /// <summary>Latest states, refreshed by <c>Read</c>.</summary>
    ArmState State { get; }

    /// <summary>Stores a Cartesian TCP pose set-point (pose mode).</summary>
    /// <param name="target">Target pose [m, unit quaternion], finite.</param>
    /// <returns>Accepted, NotActive, Stopped, or Invalid (non-finite, wrong mode).</returns>
    CommandStatus CommandPose(in Pose target);

    /// <summary>Stores a Cartesian TCP twist set-point (twist mode).</summary>
    /// <param name="twist">Target twist [m/s, rad/s], finite.</param>
    /// <returns>Accepted, NotActive, Stopped, or Invalid.</returns>
    CommandStatus CommandTwist(in Twist twist);

    /// <summary>Sets the speed scaling applied to the arm's limits.</summary>
    /// <param name="scaling">0..1.</param>
    /// <returns>Accepted, NotActive, or Invalid.</returns>
    CommandStatus SetSpeedScaling(double scaling);

    /// <summary>Triggers a protective stop (category 2 stop, IEC 60204-1): the arm decelerates and holds.</summary>
    /// <returns>Accepted, or NotActive.</returns>
    CommandStatus TriggerProtectiveStop();

    /// <summary>Clears a protective stop raised by <see cref="TriggerProtectiveStop"/> (not an e-stop).</summary>
    /// <returns>Accepted, NotActive, or Stopped while an e-stop still holds.</returns>
    CommandStatus ResetProtectiveStop();
}
