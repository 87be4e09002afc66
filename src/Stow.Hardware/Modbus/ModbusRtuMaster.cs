namespace Stow.Hardware.Modbus;

using System.Diagnostics;
using Stow.Hardware.Serial;

/// <summary>
/// Modbus RTU client ("master") on one serial line: functions 0x03, 0x06, 0x10 with CRC, t3.5 inter-frame timing,
/// response timeouts and bounded retries. Results are codes, never exceptions, for every line or device fault;
/// exception responses carry the server's code.
/// Threading: not thread-safe; one owner thread (a driver's I/O thread, outside the control cycle) makes all calls.
/// </summary>
/// <remarks>
/// Each attempt: wait for t3.5 of line silence, drop stale input, write the request, read the response until its
/// length is known from its header (or until <see cref="ModbusRtuOptions.InterCharacterTimeout"/> of silence:
/// truncated), then check it with <see cref="ModbusFrame.ParseResponse"/>. Timeouts, truncation, CRC errors, garbage,
/// mismatched responses and disconnects are counted in <see cref="Statistics"/> and retried up to
/// <see cref="ModbusRtuOptions.MaxRetries"/> times; a disconnected port is reopened on the next attempt. After
/// <see cref="ModbusRtuOptions.FaultAfterFailures"/> failed transactions in a row the master is faulted: every call
/// returns <see cref="ModbusStatus.Faulted"/> without touching the line until <see cref="ResetFault"/> (the cell
/// holds and an operator clears it). An exception response is an answer, not a line fault: it is not retried and
/// resets the failure run.
/// </remarks>
public sealed class ModbusRtuMaster : IDisposable
{
    private readonly ISerialPort _port;
    private readonly byte[] _tx = new byte[ModbusFrame.MaxLength];
    private readonly byte[] _rx = new byte[ModbusFrame.MaxLength];
    private readonly long _interFrameTicks;
    private long _lastActivity;
    private int _failureRun;

    /// <summary>Creates a master on <paramref name="port"/> (opened on first use if closed). The master owns the port.</summary>
    public ModbusRtuMaster(ISerialPort port, ModbusRtuOptions? options = null)
    {
        _port = port;
        Options = options ?? new ModbusRtuOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(Options.MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.FaultAfterFailures, 1);
        _interFrameTicks = (long)(ModbusRtuOptions.InterFrameDelay(port.Options).TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>Timing, retry and fault policy.</summary>
    public ModbusRtuOptions Options { get; }

    /// <summary>Counters per outcome.</summary>
    public ModbusStatistics Statistics { get; } = new();

    /// <summary>True after persistent line errors; see remarks.</summary>
    public bool IsFaulted { get; private set; }

    /// <summary>Clears the fault (operator acknowledged); the next call talks to the line again.</summary>
    public void ResetFault()
    {
        IsFaulted = false;
        _failureRun = 0;
    }

    /// <summary>Reads <paramref name="values"/>.Length holding registers (1..125) from <paramref name="address"/>.</summary>
    /// <param name="unit">Server address 1..247.</param>
    /// <param name="address">First register (0-based).</param>
    /// <param name="values">Receives the registers; written only when the result is Ok.</param>
    /// <exception cref="ArgumentOutOfRangeException">Unit or count out of range (a programming error).</exception>
    public ModbusResult ReadHoldingRegisters(byte unit, ushort address, Span<ushort> values)
    {
        var n = ModbusFrame.ReadHoldingRegisters(_tx, unit, address, values.Length);
        return Transact(new ModbusRequest(unit, ModbusFunction.ReadHoldingRegisters, address, (ushort)values.Length), n, values);
    }

    /// <summary>Writes one holding register (0x06). Unit 0 broadcasts: no response is awaited.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unit above 247.</exception>
    public ModbusResult WriteSingleRegister(byte unit, ushort address, ushort value)
    {
        var n = ModbusFrame.WriteSingleRegister(_tx, unit, address, value);
        return Transact(new ModbusRequest(unit, ModbusFunction.WriteSingleRegister, address, 1, value), n, []);
    }

    /// <summary>Writes 1..123 consecutive holding registers (0x10). Unit 0 broadcasts: no response is awaited.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unit or count out of range.</exception>
    public ModbusResult WriteMultipleRegisters(byte unit, ushort address, ReadOnlySpan<ushort> values)
    {
        var n = ModbusFrame.WriteMultipleRegisters(_tx, unit, address, values);
        return Transact(new ModbusRequest(unit, ModbusFunction.WriteMultipleRegisters, address, (ushort)values.Length), n, []);
    }

    /// <summary>Closes the port.</summary>
    public void Dispose() => _port.Dispose();

    private ModbusResult Transact(in ModbusRequest request, int length, Span<ushort> values)
    {
        Statistics.Transactions++;
        if (IsFaulted)
        {
            Statistics.Add(ModbusStatus.Faulted);
            return new ModbusResult(ModbusStatus.Faulted, ModbusExceptionCode.None, 0);
        }

        var status = ModbusStatus.Timeout;
        var code = ModbusExceptionCode.None;
        var attempt = 0;
        while (attempt <= Options.MaxRetries)
        {
            if (attempt++ > 0)
            {
                Statistics.Retries++;
            }

            status = Attempt(request, length, values, out code);
            Statistics.Add(status);
            if (status is ModbusStatus.Ok or ModbusStatus.ExceptionResponse)
            {
                _failureRun = 0;
                return new ModbusResult(status, code, attempt);
            }
        }

        if (++_failureRun >= Options.FaultAfterFailures)
        {
            IsFaulted = true;
            Statistics.Faults++;
        }

        return new ModbusResult(status, code, attempt);
    }

    private ModbusStatus Attempt(in ModbusRequest request, int length, Span<ushort> values, out ModbusExceptionCode code)
    {
        code = ModbusExceptionCode.None;
        try
        {
            if (!_port.IsOpen)
            {
                _port.Reopen();
                Statistics.Reopens++;
            }

            WaitInterFrame();
            _port.DiscardInput();
            _port.Write(_tx.AsSpan(0, length), Options.WriteTimeout);
            if (request.Unit == 0)
            {
                return ModbusStatus.Ok;
            }

            var n = 0;
            var status = Receive(request, ref n);
            return status == ModbusStatus.Ok ? ModbusFrame.ParseResponse(_rx.AsSpan(0, n), request, values, out code) : status;
        }
        catch (SerialPortException)
        {
            _port.Close();
            return ModbusStatus.Disconnected;
        }
        catch (TimeoutException)
        {
            return ModbusStatus.Timeout;
        }
        finally
        {
            _lastActivity = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Reads one response frame into <see cref="_rx"/>; Ok means complete (not yet checked).</summary>
    private ModbusStatus Receive(in ModbusRequest request, ref int n)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Options.ResponseTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var wait = n == 0 ? Remaining(deadline) : Options.InterCharacterTimeout;
            var got = _port.Read(_rx.AsSpan(n), wait);
            if (got == 0)
            {
                return n == 0 ? ModbusStatus.Timeout : ModbusStatus.Truncated;
            }

            n += got;
            var expected = ModbusFrame.ExpectedLength(_rx.AsSpan(0, n), request);
            if (expected == ModbusFrame.NotAResponse)
            {
                DrainUntilSilence();
                return ModbusStatus.Garbage;
            }

            if (expected > 0 && n >= expected)
            {
                if (n > expected)
                {
                    return ModbusStatus.Garbage;
                }

                return ModbusStatus.Ok;
            }

            if (n == _rx.Length)
            {
                DrainUntilSilence();
                return ModbusStatus.Garbage;
            }
        }
    }

    /// <summary>Discards bytes until the line is silent for the inter-character timeout (at most one frame time ×16).</summary>
    private void DrainUntilSilence()
    {
        Span<byte> sink = stackalloc byte[64];
        for (var i = 0; i < 4 * ModbusFrame.MaxLength / sink.Length && _port.Read(sink, Options.InterCharacterTimeout) > 0; i++)
        {
        }
    }

    /// <summary>
    /// Keeps t3.5 of silence since the last activity. Thread.Sleep takes whole milliseconds (1.75 ms would sleep 1 ms,
    /// shorter than t3.5: bench/RESULTS.md, "Serial on System.IO.Ports"), so it sleeps the whole milliseconds left and
    /// yields until the deadline for the rest.
    /// </summary>
    private void WaitInterFrame()
    {
        var due = _lastActivity + _interFrameTicks;
        var wholeMs = (int)((due - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency);
        if (wholeMs > 0)
        {
            Thread.Sleep(wholeMs);
        }

        while (Stopwatch.GetTimestamp() < due)
        {
            Thread.Yield();
        }
    }

    private static TimeSpan Remaining(long deadline) =>
        TimeSpan.FromSeconds(Math.Max(0, deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
}
