namespace Stow.Hardware.Management;

/// <summary>
/// A hardware configuration entry is wrong (an unknown device type, a missing or malformed parameter such as the endpoint).
/// <see cref="Field"/> names the offending field as a configuration key path (<c>hardware:components:2:params:device</c>), so
/// the host can point at its line and column in the file. Thrown before any component is configured: nothing has moved.
/// </summary>
public sealed class HardwareConfigException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the component.</param>
    /// <param name="field">The field's configuration key path (':'-separated, array entries by index).</param>
    /// <param name="component">The component's configured name, or empty.</param>
    public HardwareConfigException(string message, string field, string component)
        : base(message)
    {
        Field = field;
        Component = component;
    }

    /// <summary>Creates the exception with no field.</summary>
    public HardwareConfigException()
    {
    }

    /// <summary>Creates the exception with no field.</summary>
    /// <param name="message">What is wrong.</param>
    public HardwareConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no field.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="inner">The cause.</param>
    public HardwareConfigException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The offending field as a configuration key path, e.g. <c>hardware:components:2:type</c>; empty when unknown.</summary>
    public string Field { get; } = string.Empty;

    /// <summary>The component's configured name; empty when unknown.</summary>
    public string Component { get; } = string.Empty;
}
