using Stow.Hardware.Lifecycle;

namespace Stow.Hardware.Management;

/// <summary>
/// Factories of hardware components by type key ("sim.arm", "ur.arm", ...). Drivers and the simulator
/// register their types; the <see cref="HardwareManager"/> builds the components named in config.
/// Threading: register at start-up, then read-only.
/// </summary>
public sealed class HardwareRegistry
{
    private readonly Dictionary<string, Func<ComponentConfig, IHardwareComponent>> _factories = new(StringComparer.Ordinal);

    /// <summary>Registered type keys.</summary>
    public IEnumerable<string> Types => _factories.Keys;

    /// <summary>Registers a factory.</summary>
    /// <param name="type">Type key.</param>
    /// <param name="factory">Builds an Unconfigured component from its config; may throw <see cref="FormatException"/> for bad params.</param>
    /// <exception cref="ArgumentException">The key is already registered.</exception>
    public void Register(string type, Func<ComponentConfig, IHardwareComponent> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        if (!_factories.TryAdd(type, factory))
        {
            throw new ArgumentException($"hardware type '{type}' is already registered", nameof(type));
        }
    }

    /// <summary>Builds one component.</summary>
    /// <param name="config">Its configuration.</param>
    /// <returns>The component, Unconfigured.</returns>
    /// <exception cref="HardwareConfigException">The type is not registered (field <c>…:type</c>), or a parameter is bad.</exception>
    public IHardwareComponent Create(ComponentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return _factories.TryGetValue(config.Type, out var f)
            ? f(config)
            : throw new HardwareConfigException(
                $"hardware component '{config.Name}': unknown type '{config.Type}' (registered: {string.Join(", ", _factories.Keys.Order(StringComparer.Ordinal))})",
                config.Path + ":type",
                config.Name);
    }
}
