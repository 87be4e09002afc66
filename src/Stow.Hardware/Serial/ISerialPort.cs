namespace Stow.Hardware.Serial;

/// <summary>
/// A byte stream over a serial line with bounded waits. Lifecycle: created closed; <see cref="Open"/>; read and
/// write; <see cref="Reopen"/> after a disconnect; <see cref="IDisposable.Dispose"/> closes for good.
/// Threading: not thread-safe; one owner thread (e.g. a Modbus master) uses a port at a time.
/// </summary>
public interface ISerialPort : IDisposable
{
    /// <summary>The line settings.</summary>
    SerialPortOptions Options { get; }

    /// <summary>True between a successful <see cref="Open"/> and <see cref="Close"/> or a disconnect.</summary>
    bool IsOpen { get; }

    /// <summary>Opens and configures the device.</summary>
    /// <exception cref="SerialPortException">A call failed; the message names the device and the call.</exception>
    void Open();

    /// <summary>Closes the device; no-op when closed.</summary>
    void Close();

    /// <summary>Closes, then opens again (after a disconnect).</summary>
    /// <exception cref="SerialPortException">The device cannot be opened yet.</exception>
    void Reopen();

    /// <summary>
    /// Reads what is available, waiting up to <paramref name="timeout"/> for the first byte. Returns the number of
    /// bytes read (≥ 1), or 0 when nothing arrived in time. A partial read is normal; callers loop.
    /// </summary>
    /// <exception cref="SerialPortException">The device failed or disconnected (<see cref="SerialPortException.IsDisconnect"/>).</exception>
    int Read(Span<byte> buffer, TimeSpan timeout);

    /// <summary>Writes all of <paramref name="data"/> within <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">Not all bytes could be written in time.</exception>
    /// <exception cref="SerialPortException">The device failed or disconnected.</exception>
    void Write(ReadOnlySpan<byte> data, TimeSpan timeout);

    /// <summary>Drops bytes received but not yet read.</summary>
    /// <exception cref="SerialPortException">The device failed.</exception>
    void DiscardInput();
}
