using Stow.Core.Geometry;
using Stow.Hardware.Lifecycle;

namespace Stow.Hardware.Arm;

/// <summary>
/// The admission rules every <see cref="IArm"/> applies to a command before storing it, in one place for every driver
/// (UR over RTDE, the simulator's arm): not Active → <see cref="CommandStatus.NotActive"/>; in a protective or emergency
/// stop → <see cref="CommandStatus.Stopped"/>; a set-point for the other mode, a non-finite value or a speed scaling
/// outside [0, 1] → <see cref="CommandStatus.Invalid"/>. A refused command is never stored, so the arm never moves on a
/// bad value. Pure functions: no allocation, safe from any thread (the control loop calls them every cycle).
/// </summary>
public static class ArmCommandGate
{
    /// <summary>Admits a pose set-point.</summary>
    /// <param name="active">The arm is Active.</param>
    /// <param name="stopped">A protective or emergency stop is latched.</param>
    /// <param name="mode">The arm's current command mode (the component's Mode, an <see cref="ArmCommandMode"/> as int).</param>
    /// <param name="target">The TCP pose [m, unit quaternion].</param>
    /// <returns><see cref="CommandStatus.Accepted"/> when the caller may store it.</returns>
    public static CommandStatus Pose(bool active, bool stopped, int mode, in Pose target)
    {
        var s = Admit(active, stopped, mode, ArmCommandMode.Pose);
        return s == CommandStatus.Accepted && !(Finite(target.Position) && Finite(target.Orientation)) ? CommandStatus.Invalid : s;
    }

    /// <summary>Admits a twist set-point.</summary>
    /// <param name="active">The arm is Active.</param>
    /// <param name="stopped">A protective or emergency stop is latched.</param>
    /// <param name="mode">The arm's current command mode.</param>
    /// <param name="twist">The TCP twist [m/s, rad/s].</param>
    /// <returns><see cref="CommandStatus.Accepted"/> when the caller may store it.</returns>
    public static CommandStatus Twist(bool active, bool stopped, int mode, in Twist twist)
    {
        var s = Admit(active, stopped, mode, ArmCommandMode.Twist);
        return s == CommandStatus.Accepted && !(Finite(twist.Linear) && Finite(twist.Angular)) ? CommandStatus.Invalid : s;
    }

    /// <summary>Admits a speed scaling (UR's speed slider).</summary>
    /// <param name="active">The arm is Active.</param>
    /// <param name="scaling">Fraction of the programmed speed, in [0, 1].</param>
    /// <returns><see cref="CommandStatus.Accepted"/> when the caller may store it.</returns>
    public static CommandStatus SpeedScaling(bool active, double scaling) =>
        !active ? CommandStatus.NotActive : scaling is >= 0 and <= 1 ? CommandStatus.Accepted : CommandStatus.Invalid;

    /// <summary>Admits a host-side protective stop or its reset (only Active arms take either).</summary>
    /// <param name="active">The arm is Active.</param>
    /// <param name="emergencyStop">An emergency stop is pressed (a reset is refused with <see cref="CommandStatus.Stopped"/>).</param>
    /// <param name="reset">True for a reset, false for a trigger.</param>
    /// <returns><see cref="CommandStatus.Accepted"/> when the caller may latch or clear its stop.</returns>
    public static CommandStatus ProtectiveStop(bool active, bool emergencyStop, bool reset) =>
        !active ? CommandStatus.NotActive : reset && emergencyStop ? CommandStatus.Stopped : CommandStatus.Accepted;

    private static CommandStatus Admit(bool active, bool stopped, int mode, ArmCommandMode requested) =>
        !active ? CommandStatus.NotActive
        : stopped ? CommandStatus.Stopped
        : (int)requested == mode ? CommandStatus.Accepted : CommandStatus.Invalid;

    private static bool Finite(Vec3 v) => double.IsFinite(v.X) && double.IsFinite(v.Y) && double.IsFinite(v.Z);

    private static bool Finite(Quat q) => double.IsFinite(q.X) && double.IsFinite(q.Y) && double.IsFinite(q.Z) && double.IsFinite(q.W);
}
