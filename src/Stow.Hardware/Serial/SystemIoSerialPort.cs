namespace Stow.Hardware.Serial;

using System.IO.Ports;

/// <summary>
/// A serial port through <see cref="SerialPort"/> (System.IO.Ports): 8 data bits, the configured parity and stop
/// bits, no handshake. Threading: not thread-safe (see <see cref="ISerialPort"/>); System.IO.Ports runs its own
/// I/O thread per open port on Linux, which this class only hands requests to.
/// </summary>
/// <remarks>
/// <para>Timeouts: <see cref="Write"/> goes through the port's <see cref="SerialPort.BaseStream"/> with a
/// cancellation token due at the caller's timeout; <see cref="Read"/> waits up to its timeout on one outstanding
/// read request, which stays outstanding across calls until bytes arrive (never cancelled, so no byte is lost). The stream's own
/// <c>ReadTimeout</c>/<c>WriteTimeout</c> are not used: on Linux they are rounded up to at least 30 ms
/// (<c>SerialStream.Unix.cs</c>, <c>TimeoutResolution</c>), too coarse for the Modbus inter-character timeout.
/// The stream's I/O thread polls with a 1 ms period, so a deadline is met to about a millisecond.</para>
/// <para>A read request cancelled at its deadline could still take bytes off the line (the I/O thread reads them in
/// the same instant), so reads are never cancelled: bytes that arrive after a read timed out are returned by the
/// next read (or dropped by <see cref="DiscardInput"/> once they have arrived).</para>
/// <para>Disconnects: on Linux a pty or USB adapter that goes away makes the stream fail the pending request
/// (<see cref="IOException"/> or <see cref="ObjectDisposedException"/> after <c>POLLERR</c>/<c>POLLHUP</c>). The
/// port is then closed and a <see cref="SerialPortException"/> with <see cref="SerialPortException.IsDisconnect"/>
/// is thrown; call <see cref="Reopen"/> once the device is back.</para>
/// <para>Parity on socat ptys: a pty ignores the character format, but Linux refuses (EINVAL) a second
/// <c>tcsetattr</c> with PARENB on a socat pty slave that was opened and closed once; SerialPort then fails
/// <see cref="Open"/> with an <see cref="ArgumentException"/> (as the former termios binding did). Lines on ptys
/// run without parity (LiveSimRig); real RS-485 lines keep 8E1.</para>
/// </remarks>
public sealed class SystemIoSerialPort : ISerialPort
{
    /// <summary>Rates accepted (bits per second): the standard termios rates a Modbus line uses.</summary>
    private static readonly int[] StandardRates = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400];

    private SerialPort? _port;
    private Stream? _stream;
    private readonly byte[] _rx = new byte[1024];
    private Task<int>? _pending;
    private int _rxOffset;
    private int _rxCount;
    private byte[] _tx = new byte[256];

    /// <summary>Creates a closed port.</summary>
    /// <exception cref="ArgumentException">Unsupported baud rate or stop bits, or a blank device.</exception>
    public SystemIoSerialPort(SerialPortOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Device);
        if (Array.IndexOf(StandardRates, options.BaudRate) < 0)
        {
            throw new ArgumentException($"baud rate {options.BaudRate} is not a standard rate (1200..230400)", nameof(options));
        }

        if (options.StopBits is not (1 or 2))
        {
            throw new ArgumentException($"stop bits must be 1 or 2, not {options.StopBits}", nameof(options));
        }

        Options = options;
    }

    /// <inheritdoc />
    public SerialPortOptions Options { get; }

    /// <inheritdoc />
    public bool IsOpen => _port is { IsOpen: true };

    /// <inheritdoc />
    public void Open()
    {
        if (IsOpen)
        {
            return;
        }

        var port = new SerialPort(Options.Device, Options.BaudRate, ToParity(Options.Parity), 8, Options.StopBits == 2 ? StopBits.Two : StopBits.One)
        {
            Handshake = Handshake.None,
        };
        try
        {
            port.Open();
            _stream = port.BaseStream;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();

            // On Linux SerialPort.Open reports a missing device as UnauthorizedAccessException; say what it is.
            var cause = File.Exists(Options.Device) ? ex : new FileNotFoundException($"no device at '{Options.Device}'", Options.Device, ex);
            throw new SerialPortException(Options.Device, "SerialPort.Open", cause);
        }

        _port = port;
    }

    /// <inheritdoc />
    public void Close()
    {
        var port = _port;
        _port = null;
        _stream = null;
        _pending = null;
        _rxCount = 0;
        if (port is null)
        {
            return;
        }

        try
        {
            port.Dispose();
        }
        catch (IOException)
        {
            // Closing a port whose device is gone can fail in the stream's flush; the handle is released anyway.
        }
    }

    /// <inheritdoc />
    public void Reopen()
    {
        Close();
        Open();
    }

    /// <inheritdoc />
    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        var stream = RequireOpen("read");
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_rxCount > 0)
        {
            return TakeReceived(buffer);
        }

        if (timeout <= TimeSpan.Zero)
        {
            // Only what has already arrived.
            if (_pending is null && BytesToRead("read") == 0)
            {
                return 0;
            }

            timeout = _pending is null ? TimeSpan.FromSeconds(1) : TimeSpan.Zero;
        }

        // One read request stays outstanding across calls until it completes: a request cancelled at the deadline
        // could still take bytes off the line, and they would be lost (System.IO.Ports on Linux).
        _pending ??= stream.ReadAsync(_rx, 0, _rx.Length);
        bool completed;
        try
        {
            completed = timeout == TimeSpan.Zero ? _pending.IsCompleted : _pending.Wait(timeout);
        }
        catch (AggregateException ex) when (ex.InnerException is IOException or ObjectDisposedException or InvalidOperationException)
        {
            _pending = null;
            throw Disconnected("read", ex.InnerException);
        }

        if (!completed)
        {
            return 0;
        }

        var done = _pending;
        _pending = null;
        try
        {
            _rxCount = done.GetAwaiter().GetResult();
            _rxOffset = 0;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            throw Disconnected("read", ex);
        }

        return _rxCount == 0 ? 0 : TakeReceived(buffer);
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> data, TimeSpan timeout)
    {
        var stream = RequireOpen("write");
        if (data.IsEmpty)
        {
            return;
        }

        if (_tx.Length < data.Length)
        {
            _tx = new byte[data.Length];
        }

        data.CopyTo(_tx);
        using var cts = new CancellationTokenSource(timeout > TimeSpan.Zero ? timeout : TimeSpan.FromMilliseconds(1));
        try
        {
            stream.WriteAsync(_tx, 0, data.Length, cts.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            _tx = new byte[_tx.Length];
            throw new TimeoutException($"serial port '{Options.Device}': could not write {data.Length} bytes in {timeout.TotalMilliseconds:0} ms");
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            throw Disconnected("write", ex);
        }
    }

    /// <inheritdoc />
    public void DiscardInput()
    {
        var port = _port is { IsOpen: true } p ? p : throw ClosedPort("DiscardInBuffer");
        try
        {
            port.DiscardInBuffer();
            _rxCount = 0;
            if (_pending is { IsCompleted: true })
            {
                _pending = null;
            }
        }
        catch (IOException ex)
        {
            throw new SerialPortException(Options.Device, "SerialPort.DiscardInBuffer", ex);
        }
    }

    /// <summary>Closes the port.</summary>
    public void Dispose() => Close();

    private static Parity ToParity(SerialParity parity) => parity switch
    {
        SerialParity.Even => Parity.Even,
        SerialParity.Odd => Parity.Odd,
        _ => Parity.None,
    };

    private int TakeReceived(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _rxCount);
        _rx.AsSpan(_rxOffset, n).CopyTo(buffer);
        _rxOffset += n;
        _rxCount -= n;
        return n;
    }

    private int BytesToRead(string call)
    {
        try
        {
            return _port!.BytesToRead;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            throw Disconnected(call, ex);
        }
    }

    private SerialPortException Disconnected(string call, Exception cause)
    {
        Close();
        return new SerialPortException(Options.Device, call, cause, disconnected: true);
    }

    private Stream RequireOpen(string call) =>
        _port is { IsOpen: true } && _stream is { } s ? s : throw ClosedPort(call);

    private SerialPortException ClosedPort(string call) =>
        new($"serial port '{Options.Device}': {call} on a closed port; call Open or Reopen first");
}
