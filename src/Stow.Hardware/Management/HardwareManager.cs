using Stow.Hardware.Lifecycle;

namespace Stow.Hardware.Management;

/// <summary>
/// Owns the hardware components of a cell, drives their lifecycle together, and runs their
/// <c>Read</c>/<c>Write</c> in configuration order inside the control cycle (ros2_control resource manager).
/// <para>Threading: lifecycle methods outside the loop, one thread at a time; <see cref="Read"/> and
/// <see cref="Write"/> on the control-loop thread only (no allocation, no exceptions).</para>
/// <para>Error handling in the cycle: a component returning <see cref="HardwareResult.Error"/> goes through its
/// error path (<see cref="IHardwareComponent.HandleError"/>), is counted in <see cref="FaultCount"/> and named in
/// <see cref="LastFaultedComponent"/>; one returning <see cref="HardwareResult.Deactivate"/> is deactivated.</para>
/// </summary>
public sealed class HardwareManager
{
    private readonly IHardwareComponent[] _components;
    private readonly ICommandedComponent?[] _commanded;
    private long _faultCount;
    private volatile string _lastFaulted = string.Empty;

    /// <summary>Wraps already-built components (tests, hand-wired cells).</summary>
    /// <param name="components">Components in cycle order; names unique.</param>
    /// <exception cref="ArgumentException">Two components share a name.</exception>
    public HardwareManager(IReadOnlyList<IHardwareComponent> components)
    {
        if (components.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != components.Count)
        {
            throw new ArgumentException("hardware component names must be unique", nameof(components));
        }

        _components = [.. components];
        _commanded = [.. components.Select(c => c as ICommandedComponent)];
    }

    /// <summary>Components in cycle order.</summary>
    public IReadOnlyList<IHardwareComponent> Components => _components;

    /// <summary>Number of cycle errors since construction.</summary>
    public long FaultCount => Interlocked.Read(ref _faultCount);

    /// <summary>Name of the last component whose cycle returned an error; empty if none.</summary>
    public string LastFaultedComponent => _lastFaulted;

    /// <summary>Builds every component named in <paramref name="config"/> through <paramref name="registry"/>.</summary>
    /// <param name="config">Hardware section.</param>
    /// <param name="registry">Factories by type.</param>
    /// <returns>A manager with all components Unconfigured.</returns>
    /// <exception cref="HardwareConfigException">A type is not registered, or a component's parameters are invalid (the field is named).</exception>
    public static HardwareManager Build(HardwareConfig config, HardwareRegistry registry) =>
        new(config.Components.Select(registry.Create).ToList());

    /// <summary>Finds a component by name and type.</summary>
    /// <typeparam name="T">Device contract, e.g. <c>IArm</c>.</typeparam>
    /// <param name="name">Configured name.</param>
    /// <returns>The component.</returns>
    /// <exception cref="KeyNotFoundException">No component of that name and type.</exception>
    public T Get<T>(string name)
        where T : class, IHardwareComponent =>
        TryGet<T>(name, out var c) ? c : throw new KeyNotFoundException($"no hardware component '{name}' of type {typeof(T).Name}");

    /// <summary>Finds a component by name and type.</summary>
    /// <typeparam name="T">Device contract.</typeparam>
    /// <param name="name">Configured name.</param>
    /// <param name="component">The component when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGet<T>(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? component)
        where T : class, IHardwareComponent
    {
        component = _components.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal)) as T;
        return component is not null;
    }

    /// <summary>The first component implementing <typeparamref name="T"/>, or null.</summary>
    /// <typeparam name="T">Device contract.</typeparam>
    /// <returns>The component or null.</returns>
    public T? FindFirst<T>()
        where T : class, IHardwareComponent => _components.OfType<T>().FirstOrDefault();

    /// <summary>on_configure on every Unconfigured component.</summary>
    /// <returns>Per-component outcomes.</returns>
    public LifecycleReport ConfigureAll() => ForAll(c => c.Configure());

    /// <summary>on_activate on every component (sensors too, so their state is Active).</summary>
    /// <returns>Per-component outcomes; a failed activation leaves that component Inactive or in the error path.</returns>
    public LifecycleReport ActivateAll() => ForAll(c => c.Activate());

    /// <summary>on_deactivate on every Active component.</summary>
    /// <returns>Per-component outcomes.</returns>
    public LifecycleReport DeactivateAll() => ForAll(c => c.LifecycleState == LifecycleState.Active ? c.Deactivate() : CallbackReturn.Success);

    /// <summary>on_cleanup on every Inactive component.</summary>
    /// <returns>Per-component outcomes.</returns>
    public LifecycleReport CleanupAll() => ForAll(c => c.LifecycleState == LifecycleState.Inactive ? c.Cleanup() : CallbackReturn.Success);

    /// <summary>Deactivates then shuts every component down (to Finalized).</summary>
    /// <returns>Per-component outcomes of the shutdown.</returns>
    public LifecycleReport ShutdownAll()
    {
        DeactivateAll();
        return ForAll(c => c.LifecycleState == LifecycleState.Finalized ? CallbackReturn.Success : c.Shutdown());
    }

    /// <summary>Configures then activates everything; stops at the first step that fails.</summary>
    /// <returns>The report of the failing step, or of activation.</returns>
    public LifecycleReport Bringup()
    {
        var r = ConfigureAll();
        return r.Succeeded ? ActivateAll() : r;
    }

    /// <summary>Reads every readable component. Control-loop thread only.</summary>
    /// <param name="time">Cycle time [s].</param>
    /// <param name="period">Period [s].</param>
    /// <returns><see cref="HardwareResult.Ok"/> when all succeeded, else the worst code seen.</returns>
    public HardwareResult Read(double time, double period)
    {
        var worst = HardwareResult.Ok;
        for (var i = 0; i < _components.Length; i++)
        {
            var c = _components[i];
            if (c.LifecycleState is not (LifecycleState.Inactive or LifecycleState.Active))
            {
                continue;
            }

            worst = Handle(c, c.Read(time, period), worst, "read returned an error");
        }

        return worst;
    }

    /// <summary>Writes every Active commanded component. Control-loop thread only.</summary>
    /// <param name="time">Cycle time [s].</param>
    /// <param name="period">Period [s].</param>
    /// <returns><see cref="HardwareResult.Ok"/> when all succeeded, else the worst code seen.</returns>
    public HardwareResult Write(double time, double period)
    {
        var worst = HardwareResult.Ok;
        for (var i = 0; i < _commanded.Length; i++)
        {
            var c = _commanded[i];
            if (c is null || c.LifecycleState != LifecycleState.Active)
            {
                continue;
            }

            worst = Handle(c, c.Write(time, period), worst, "write returned an error");
        }

        return worst;
    }

    private HardwareResult Handle(IHardwareComponent c, HardwareResult r, HardwareResult worst, string reason)
    {
        switch (r)
        {
            case HardwareResult.Error:
                Interlocked.Increment(ref _faultCount);
                _lastFaulted = c.Name;
                c.HandleError(reason);
                return HardwareResult.Error;
            case HardwareResult.Deactivate:
                c.Deactivate();
                return worst == HardwareResult.Error ? worst : HardwareResult.Deactivate;
            default:
                return worst;
        }
    }

    private LifecycleReport ForAll(Func<IHardwareComponent, CallbackReturn> transition)
    {
        var outcomes = new List<ComponentOutcome>(_components.Length);
        foreach (var c in _components)
        {
            var r = transition(c);
            outcomes.Add(new ComponentOutcome(c.Name, r, c.LifecycleState, r == CallbackReturn.Success ? string.Empty : c.LastError));
        }

        return new LifecycleReport(outcomes);
    }
}
