namespace Stow.Hardware.Serial;

/// <summary>
/// A serial port call failed. The message names the device, the failing libc call and the OS error text;
/// <see cref="Errno"/> holds the error number (0 when not from the OS).
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
    /// <param name="call">The libc call, e.g. <c>tcsetattr</c>.</param>
    /// <param name="errno">OS error number.</param>
    /// <param name="disconnected">True when the device went away (hang-up, EIO, ENXIO).</param>
    public SerialPortException(string device, string call, int errno, bool disconnected = false)
        : base($"serial port '{device}': {call} failed: {(errno == 0 ? "hang-up" : System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno))} (errno {errno})")
    {
        Device = device;
        Call = call;
        Errno = errno;
        IsDisconnect = disconnected;
    }

    /// <summary>Device path, or empty.</summary>
    public string Device { get; } = string.Empty;

    /// <summary>The failing libc call, or empty.</summary>
    public string Call { get; } = string.Empty;

    /// <summary>OS error number, 0 when none.</summary>
    public int Errno { get; }

    /// <summary>True when the device disconnected (the port can be reopened later).</summary>
    public bool IsDisconnect { get; }
}
