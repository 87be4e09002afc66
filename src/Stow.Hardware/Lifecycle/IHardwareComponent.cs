namespace Stow.Hardware.Lifecycle;

/// <summary>
/// A hardware component (device driver or simulator) with the ros2_control lifecycle
/// (<c>hardware_component_interface.hpp</c>).
/// <para>Threading: lifecycle methods (<see cref="Configure"/> .. <see cref="Shutdown"/>) run outside the
/// control loop, on one thread at a time; <see cref="Read"/> runs on the control-loop thread only and
/// must not allocate, block or throw. Device-specific command setters store the command for the next
/// <c>Write</c> and are called from the control-loop thread.</para>
/// <para>Lifecycle: states are readable in <see cref="LifecycleState.Inactive"/> and
/// <see cref="LifecycleState.Active"/>; commands are accepted only in <see cref="LifecycleState.Active"/>.</para>
/// </summary>
public interface IHardwareComponent
{
    /// <summary>Unique name from the configuration (e.g. "arm").</summary>
    string Name { get; }

    /// <summary>Current lifecycle state.</summary>
    LifecycleState LifecycleState { get; }

    /// <summary>Why the last transition or cycle failed; empty if none. Set outside the hot path only by reference to a constant string.</summary>
    string LastError { get; }

    /// <summary>Unconfigured → Inactive (on_configure): open communication.</summary>
    /// <returns>The callback's result; on <see cref="CallbackReturn.Error"/> the error path has run.</returns>
    CallbackReturn Configure();

    /// <summary>Inactive → Active (on_activate): enable command interfaces.</summary>
    /// <returns>The callback's result.</returns>
    CallbackReturn Activate();

    /// <summary>Active → Inactive (on_deactivate): stop accepting commands, leave the device safe.</summary>
    /// <returns>The callback's result.</returns>
    CallbackReturn Deactivate();

    /// <summary>Inactive → Unconfigured (on_cleanup): close communication.</summary>
    /// <returns>The callback's result.</returns>
    CallbackReturn Cleanup();

    /// <summary>Any non-finalized state → Finalized (on_shutdown).</summary>
    /// <returns>The callback's result.</returns>
    CallbackReturn Shutdown();

    /// <summary>
    /// Error path (on_error): enters <see cref="LifecycleState.ErrorProcessing"/> and runs the component's
    /// error handler; success → Unconfigured, otherwise → Finalized. Called by a transition that returned
    /// <see cref="CallbackReturn.Error"/> and by the manager when a cycle returned <see cref="HardwareResult.Error"/>.
    /// </summary>
    /// <param name="reason">Constant text saying what failed (kept in <see cref="LastError"/>).</param>
    /// <returns>The on_error callback's result.</returns>
    CallbackReturn HandleError(string reason);

    /// <summary>Reads device states into the component's preallocated state struct.</summary>
    /// <param name="time">Cycle time [s] from the loop's clock.</param>
    /// <param name="period">Time since the previous cycle [s].</param>
    /// <returns>A code; never throws, never allocates.</returns>
    HardwareResult Read(double time, double period);
}
