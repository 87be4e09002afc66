namespace Stow.Hardware.Lifecycle;

/// <summary>
/// Base class implementing the lifecycle state machine of <see cref="IHardwareComponent"/>; devices
/// override the <c>On…</c> callbacks (ros2_control <c>hardware_component_interface.hpp</c>).
/// Transition rules: a callback returning <see cref="CallbackReturn.Success"/> moves to the target state,
/// <see cref="CallbackReturn.Failure"/> stays, <see cref="CallbackReturn.Error"/> runs the error path.
/// A transition requested from the wrong state returns <see cref="CallbackReturn.Failure"/> and changes nothing.
/// A callback that throws is treated as <see cref="CallbackReturn.Error"/> (transitions run outside the loop).
/// Threading: lifecycle calls on one thread at a time, outside the control loop.
/// </summary>
public abstract class HardwareComponent : IHardwareComponent
{
    private volatile LifecycleState _state = LifecycleState.Unconfigured;

    /// <summary>Creates a component in <see cref="LifecycleState.Unconfigured"/>.</summary>
    /// <param name="name">Unique name from the configuration.</param>
    protected HardwareComponent(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public LifecycleState LifecycleState => _state;

    /// <inheritdoc/>
    public string LastError { get; protected set; } = string.Empty;

    /// <summary>True when commands are accepted (state is <see cref="LifecycleState.Active"/>).</summary>
    public bool IsActive => _state == LifecycleState.Active;

    /// <summary>True when states may be read (Inactive or Active).</summary>
    public bool IsReadable => _state is LifecycleState.Inactive or LifecycleState.Active;

    /// <inheritdoc/>
    public CallbackReturn Configure() => Transition(LifecycleState.Unconfigured, LifecycleState.Inactive, OnConfigure, "on_configure failed");

    /// <inheritdoc/>
    public CallbackReturn Activate() => Transition(LifecycleState.Inactive, LifecycleState.Active, OnActivate, "on_activate failed");

    /// <inheritdoc/>
    public CallbackReturn Deactivate() => Transition(LifecycleState.Active, LifecycleState.Inactive, OnDeactivate, "on_deactivate failed");

    /// <inheritdoc/>
    public CallbackReturn Cleanup() => Transition(LifecycleState.Inactive, LifecycleState.Unconfigured, OnCleanup, "on_cleanup failed");

    /// <inheritdoc/>
    public CallbackReturn Shutdown()
    {
        if (_state is LifecycleState.Finalized)
        {
            return CallbackReturn.Failure;
        }

        var r = SafeCall(OnShutdown);
        if (r == CallbackReturn.Error)
        {
            return HandleError("on_shutdown failed");
        }

        _state = LifecycleState.Finalized;
        return r;
    }

    /// <inheritdoc/>
    public CallbackReturn HandleError(string reason)
    {
        if (_state is LifecycleState.Finalized)
        {
            return CallbackReturn.Failure;
        }

        LastError = reason;
        _state = LifecycleState.ErrorProcessing;
        var r = SafeCall(OnError);
        _state = r == CallbackReturn.Success ? LifecycleState.Unconfigured : LifecycleState.Finalized;
        return r;
    }

    /// <inheritdoc/>
    public abstract HardwareResult Read(double time, double period);

    /// <summary>on_configure: open communication, allocate buffers. Default: success.</summary>
    /// <returns>The transition result.</returns>
    protected virtual CallbackReturn OnConfigure() => CallbackReturn.Success;

    /// <summary>on_activate: enable commands (hold the current position). Default: success.</summary>
    /// <returns>The transition result.</returns>
    protected virtual CallbackReturn OnActivate() => CallbackReturn.Success;

    /// <summary>
    /// Why the callback that just returned <see cref="CallbackReturn.Failure"/> failed, in detail (a driver: the device path and
    /// what did not answer); appended to <see cref="LastError"/>. Empty by default.
    /// </summary>
    protected virtual string FailureDetail => string.Empty;

    /// <summary>on_deactivate: stop motion, refuse commands. Default: success.</summary>
    /// <returns>The transition result.</returns>
    protected virtual CallbackReturn OnDeactivate() => CallbackReturn.Success;

    /// <summary>on_cleanup: close communication. Default: success.</summary>
    /// <returns>The transition result.</returns>
    protected virtual CallbackReturn OnCleanup() => CallbackReturn.Success;

    /// <summary>on_shutdown: release everything. Default: success.</summary>
    /// <returns>The transition result.</returns>
    protected virtual CallbackReturn OnShutdown() => CallbackReturn.Success;

    /// <summary>on_error: bring the device to a safe state. Default: success (back to Unconfigured).</summary>
    /// <returns>The handler's result.</returns>
    protected virtual CallbackReturn OnError() => CallbackReturn.Success;

    private CallbackReturn Transition(LifecycleState from, LifecycleState to, Func<CallbackReturn> callback, string errorText)
    {
        if (_state != from)
        {
            return CallbackReturn.Failure;
        }

        var r = SafeCall(callback);
        switch (r)
        {
            case CallbackReturn.Success:
                _state = to;
                return r;
            case CallbackReturn.Failure:
                LastError = FailureDetail.Length > 0 ? $"{errorText}: {FailureDetail}" : errorText;
                return r;
            default:
                HandleError(errorText);
                return CallbackReturn.Error;
        }
    }

#pragma warning disable CA1031 // a driver's transition callback may throw anything; it becomes the error path.
    private CallbackReturn SafeCall(Func<CallbackReturn> callback)
    {
        try
        {
            return callback();
        }
        catch (Exception ex)
        {
            LastError = ex.Message;
            return CallbackReturn.Error;
        }
    }
#pragma warning restore CA1031
}
