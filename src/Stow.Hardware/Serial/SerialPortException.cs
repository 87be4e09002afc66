namespace Stow.Hardware.Serial;

/// <summary>
/// A serial port call failed. The message names the device, the failing call and the cause's message; the cause
/// (from System.IO.Ports or the OS) is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class SerialPortException : IOException
{
    /// <summary>Creates the exception.</summary>
    public SerialPortException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public SerialPortException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public SerialPortException()
    {
    }

    /// <summary>Creates the exception for a failed call.</summary>
    /// <param name="device">Device path.</param>
    /// <param name="call">The failing call, e.g. <c>SerialPort.Open</c> or <c>read</c>.</param>
    /// <param name="cause">What the call threw.</param>
    /// <param name="disconnected">True when the device went away (hang-up, I/O error on the line).</param>
    public SerialPortException(string device, string call, Exception cause, bool disconnected = false)
        : base($"serial port '{device}': {call} failed{(disconnected ? " (disconnected)" : string.Empty)}: {cause?.GetType().Name}: {cause?.Message}", cause)
    {
        Device = device;
        Call = call;
        IsDisconnect = disconnected;
    }

    /// <summary>Device path, or empty.</summary>
    public string Device { get; } = string.Empty;

    /// <summary>The failing call, or empty.</summary>
    public string Call { get; } = string.Empty;

    /// <summary>True when the device disconnected (the port can be reopened later).</summary>
    public bool IsDisconnect { get; }
}
