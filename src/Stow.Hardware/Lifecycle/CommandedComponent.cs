namespace Stow.Hardware.Lifecycle;

/// <summary>
/// Base class of commanded components: lifecycle from <see cref="HardwareComponent"/> plus the two-step
/// mode switch. Derived classes implement <see cref="Write"/> and say which modes they support.
/// Threading: as <see cref="ICommandedComponent"/>.
/// </summary>
public abstract class CommandedComponent : HardwareComponent, ICommandedComponent
{
    private int _preparedMode = -1;

    /// <summary>Creates a component in Unconfigured.</summary>
    /// <param name="name">Unique name from the configuration.</param>
    protected CommandedComponent(string name)
        : base(name)
    {
    }

    /// <summary>The mode in force (device-specific number), 0 after construction.</summary>
    public int Mode { get; private set; }

    /// <inheritdoc/>
    public abstract HardwareResult Write(double time, double period);

    /// <inheritdoc/>
    public CallbackReturn PrepareModeSwitch(int mode)
    {
        if (!IsReadable || !SupportsMode(mode))
        {
            return CallbackReturn.Failure;
        }

        Volatile.Write(ref _preparedMode, mode);
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    public HardwareResult PerformModeSwitch()
    {
        var m = Interlocked.Exchange(ref _preparedMode, -1);
        if (m < 0)
        {
            return HardwareResult.Error;
        }

        Mode = m;
        OnModeSwitched(m);
        return HardwareResult.Ok;
    }

    /// <summary>Whether <paramref name="mode"/> is a mode of this device. Default: only mode 0.</summary>
    /// <param name="mode">Device-specific mode number.</param>
    /// <returns>True when supported.</returns>
    protected virtual bool SupportsMode(int mode) => mode == 0;

    /// <summary>Called inside the loop after the mode changed (clear stale commands). Must not allocate.</summary>
    /// <param name="mode">The new mode.</param>
    protected virtual void OnModeSwitched(int mode)
    {
    }
}
