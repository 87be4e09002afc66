using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Stow.Hardware.Modbus;
using Stow.Hardware.Serial;

namespace Stow.Bench.Modbus;

/// <summary>
/// One Modbus RTU transaction round trip over a real socat pty pair (master ↔ <see cref="ModbusRtuServer"/> on its
/// own thread): the EOAT status-block poll (0x03, 10 registers) and command-block write (0x10, 7 registers). The
/// sustained status-poll rate per device is 1 / mean. Both ends run at <see cref="Baud"/> (8E1): a pty has no
/// baud-rate limit, so the baud rate changes only the master's t3.5 inter-frame wait (2.005 ms at 19200 Bd, 1.75 ms
/// above), which every transaction includes; on a real 19200 Bd 8E1 line add the wire time (33 characters of 11 bits
/// for the poll ≈ 18.9 ms). The cleanup prints the inter-frame silence the master kept (<see cref="GapRecordingPort"/>).
/// </summary>
[MemoryDiagnoser]
public class ModbusPtyBenchmarks
{
    private readonly ushort[] _status = new ushort[EoatRegisters.StatusCount];
    private readonly ushort[] _command = new ushort[EoatRegisters.CommandCount];
    private Process? _socat;
    private CancellationTokenSource? _stop;
    private Thread? _serverThread;
    private SystemIoSerialPort? _serverPort;
    private ModbusRtuMaster? _master;
    private GapRecordingPort? _masterPort;
    private string _dir = string.Empty;

    /// <summary>Line speed of both ends [bit/s].</summary>
    [Params(19200, 115200)]
    public int Baud { get; set; }

    /// <summary>Starts socat, the server thread and the master.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "stowcell-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
        var a = Path.Combine(_dir, "A");
        var b = Path.Combine(_dir, "B");
        var psi = new ProcessStartInfo("socat") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-d", "-d", $"pty,raw,echo=0,link={a}", $"pty,raw,echo=0,link={b}" })
        {
            psi.ArgumentList.Add(arg);
        }

        _socat = Process.Start(psi) ?? throw new InvalidOperationException("socat did not start");
        while (_socat.StandardError.ReadLine() is { } line && !line.Contains("starting data transfer loop", StringComparison.Ordinal))
        {
        }

        _serverPort = new SystemIoSerialPort(new SerialPortOptions(b, Baud));
        _serverPort.Open();
        var server = new ModbusRtuServer(_serverPort, EoatRegisters.DefaultUnit, 0x0200);
        _stop = new CancellationTokenSource();
        var token = _stop.Token;
        _serverThread = new Thread(() =>
        {
            try
            {
                server.Run(token);
            }
            catch (SerialPortException)
            {
            }
        }) { IsBackground = true };
        _serverThread.Start();
        _masterPort = new GapRecordingPort(new SystemIoSerialPort(new SerialPortOptions(a, Baud)));
        _master = new ModbusRtuMaster(_masterPort);
    }

    /// <summary>Stops everything.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        // The inter-frame silence the master kept (end of a response to the start of the next request), against t3.5.
        var t35 = ModbusRtuOptions.InterFrameDelay(new SerialPortOptions("-", Baud)).TotalMilliseconds;
        Console.WriteLine(FormattableString.Invariant($"// inter-frame gap at {Baud} Bd (t3.5 = {t35:0.000} ms): {_masterPort?.Summary()}"));
        _stop?.Cancel();
        _serverThread?.Join(2000);
        _master?.Dispose();
        _serverPort?.Dispose();
        _socat?.Kill();
        _socat?.Dispose();
        _stop?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Status-block poll: 0x03, 10 registers.</summary>
    [Benchmark]
    public ModbusStatus PollEoatStatus() => _master!.ReadHoldingRegisters(EoatRegisters.DefaultUnit, EoatRegisters.StatusStart, _status).Status;

    /// <summary>Command-block write: 0x10, 7 registers.</summary>
    [Benchmark]
    public ModbusStatus WriteEoatCommand()
    {
        _command[EoatRegisters.Watchdog]++;
        return _master!.WriteMultipleRegisters(EoatRegisters.DefaultUnit, EoatRegisters.CommandStart, _command).Status;
    }
}
