namespace Stow.Hardware.Serial;

using System.Diagnostics;
using System.Runtime.InteropServices;

/// <summary>
/// A serial port on Linux through termios (DEPENDENCIES.md: System.IO.Ports is not available here). Raw mode, 8 data
/// bits, the configured parity and stop bits, no flow control, receiver on, modem lines ignored (CLOCAL).
/// Threading: not thread-safe (see <see cref="ISerialPort"/>).
/// </summary>
/// <remarks>
/// The descriptor stays non-blocking (<c>O_NONBLOCK</c>): every read and write first waits in <c>poll</c> with the
/// remaining time, so neither can hang past its timeout (a blocking <c>read</c> cannot be cancelled). A hang-up
/// (<c>POLLHUP</c>, <c>EIO</c>, <c>ENXIO</c>, or end of file) closes the port and throws a
/// <see cref="SerialPortException"/> with <see cref="SerialPortException.IsDisconnect"/> set; call
/// <see cref="Reopen"/> once the device is back.
/// </remarks>
public sealed unsafe class LinuxSerialPort : ISerialPort
{
    private int _fd = -1;

    /// <summary>Creates a closed port.</summary>
    /// <exception cref="ArgumentException">Unsupported baud rate or stop bits, or a blank device.</exception>
    public LinuxSerialPort(SerialPortOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Device);
        if (LibC.SpeedConstant(options.BaudRate) == 0)
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
    public bool IsOpen => _fd >= 0;

    /// <inheritdoc />
    public void Open()
    {
        if (IsOpen)
        {
            return;
        }

        var fd = LibC.Open(Options.Device, LibC.ORdWr | LibC.ONoCtty | LibC.ONonBlock | LibC.OCloExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new SerialPortException(Options.Device, "open", errno);
        }

        try
        {
            Configure(fd);
        }
        catch
        {
            _ = LibC.Close(fd);
            throw;
        }

        _fd = fd;
    }

    /// <inheritdoc />
    public void Close()
    {
        if (_fd >= 0)
        {
            _ = LibC.Close(_fd);
            _fd = -1;
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
        var fd = RequireOpen("read");
        if (buffer.IsEmpty)
        {
            return 0;
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (!WaitFor(fd, LibC.PollIn, deadline, "poll(read)"))
            {
                return 0;
            }

            nint n;
            fixed (byte* p = buffer)
            {
                n = LibC.Read(fd, p, buffer.Length);
            }

            if (n > 0)
            {
                return (int)n;
            }

            if (n == 0)
            {
                throw Disconnected("read", 0);
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno is LibC.EAgain or LibC.EIntr)
            {
                continue;
            }

            throw errno is LibC.EIO or LibC.ENxio ? Disconnected("read", errno) : new SerialPortException(Options.Device, "read", errno);
        }
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> data, TimeSpan timeout)
    {
        var fd = RequireOpen("write");
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var done = 0;
        while (done < data.Length)
        {
            if (!WaitFor(fd, LibC.PollOut, deadline, "poll(write)"))
            {
                throw new TimeoutException($"serial port '{Options.Device}': wrote {done} of {data.Length} bytes in {timeout.TotalMilliseconds:0} ms");
            }

            nint n;
            fixed (byte* p = data)
            {
                n = LibC.Write(fd, p + done, data.Length - done);
            }

            if (n > 0)
            {
                done += (int)n;
                continue;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (n < 0 && errno is LibC.EAgain or LibC.EIntr)
            {
                continue;
            }

            throw errno is LibC.EIO or LibC.ENxio ? Disconnected("write", errno) : new SerialPortException(Options.Device, "write", errno);
        }
    }

    /// <inheritdoc />
    public void DiscardInput()
    {
        var fd = RequireOpen("tcflush");
        if (LibC.TcFlush(fd, LibC.TciFlush) != 0)
        {
            throw new SerialPortException(Options.Device, "tcflush", Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>Closes the port.</summary>
    public void Dispose() => Close();

    private void Configure(int fd)
    {
        LibC.Termios t;
        if (LibC.TcGetAttr(fd, &t) != 0)
        {
            throw new SerialPortException(Options.Device, "tcgetattr", Marshal.GetLastPInvokeError());
        }

        LibC.CfMakeRaw(&t);
        t.CFlag &= ~(LibC.CSize | LibC.CStopB | LibC.ParEnb | LibC.ParOdd | LibC.CrtsCts);
        t.CFlag |= LibC.CS8 | LibC.CRead | LibC.CLocal;
        t.CFlag |= Options.StopBits == 2 ? LibC.CStopB : 0;
        t.CFlag |= Options.Parity switch
        {
            SerialParity.Even => LibC.ParEnb,
            SerialParity.Odd => LibC.ParEnb | LibC.ParOdd,
            _ => 0u,
        };
        t.Cc[LibC.VMin] = 0;
        t.Cc[LibC.VTime] = 0;
        var speed = LibC.SpeedConstant(Options.BaudRate);
        if (LibC.CfSetISpeed(&t, speed) != 0)
        {
            throw new SerialPortException(Options.Device, "cfsetispeed", Marshal.GetLastPInvokeError());
        }

        if (LibC.CfSetOSpeed(&t, speed) != 0)
        {
            throw new SerialPortException(Options.Device, "cfsetospeed", Marshal.GetLastPInvokeError());
        }

        if (LibC.TcSetAttr(fd, LibC.TcsaNow, &t) != 0)
        {
            throw new SerialPortException(Options.Device, "tcsetattr", Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>Waits until <paramref name="events"/> are ready; false at the deadline.</summary>
    private bool WaitFor(int fd, short events, long deadline, string call)
    {
        while (true)
        {
            var remaining = deadline - Stopwatch.GetTimestamp();
            var ms = remaining <= 0 ? 0 : (int)Math.Ceiling(remaining * 1000.0 / Stopwatch.Frequency);
            var pfd = new LibC.PollFd { Fd = fd, Events = events };
            var r = LibC.Poll(&pfd, 1, ms);
            if (r < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == LibC.EIntr)
                {
                    continue;
                }

                throw new SerialPortException(Options.Device, call, errno);
            }

            if (r == 0)
            {
                return false;
            }

            if ((pfd.REvents & events) != 0)
            {
                return true;
            }

            if ((pfd.REvents & (LibC.PollHup | LibC.PollErr | LibC.PollNval)) != 0)
            {
                throw Disconnected(call, 0);
            }
        }
    }

    private SerialPortException Disconnected(string call, int errno)
    {
        Close();
        return new SerialPortException(Options.Device, call, errno, disconnected: true);
    }

    private int RequireOpen(string call) =>
        _fd >= 0 ? _fd : throw new SerialPortException($"serial port '{Options.Device}': {call} on a closed port; call Open or Reopen first");
}
