namespace Stow.Hardware.Lifecycle;

/// <summary>
/// A component that accepts commands (an actuator or a system, not a pure sensor).
/// <para>Threading: <see cref="Write"/> runs on the control-loop thread only; no allocation, no exceptions.
/// <see cref="PrepareModeSwitch"/> runs outside the loop (may fail, may take time);
/// <see cref="PerformModeSwitch"/> runs inside the loop and is fast (ros2_control two-step switch).</para>
/// </summary>
public interface ICommandedComponent : IHardwareComponent
{
    /// <summary>Writes the stored commands to the device. Only effective in <see cref="LifecycleState.Active"/>.</summary>
    /// <param name="time">Cycle time [s].</param>
    /// <param name="period">Time since the previous cycle [s].</param>
    /// <returns>A code; never throws, never allocates.</returns>
    HardwareResult Write(double time, double period);

    /// <summary>Step 1 of a command-mode switch, outside the loop: checks and prepares <paramref name="mode"/>.</summary>
    /// <param name="mode">Device-specific mode number (e.g. <c>(int)ArmCommandMode.Twist</c>).</param>
    /// <returns><see cref="CallbackReturn.Success"/> when the switch can be performed.</returns>
    CallbackReturn PrepareModeSwitch(int mode);

    /// <summary>Step 2, inside the loop: applies the prepared mode. Fast, no allocation.</summary>
    /// <returns><see cref="HardwareResult.Ok"/>, or <see cref="HardwareResult.Error"/> when nothing was prepared.</returns>
    HardwareResult PerformModeSwitch();
}
