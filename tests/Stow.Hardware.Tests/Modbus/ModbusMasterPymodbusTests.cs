using System.Diagnostics;
using Stow.Hardware.Modbus;
using Stow.Hardware.Serial;
using Stow.Hardware.Tests.Serial;

namespace Stow.Hardware.Tests.Modbus;

/// <summary>
/// Our <see cref="ModbusRtuMaster"/> (through System.IO.Ports on a socat pty) against an independent server:
/// pymodbus (Debian <c>python3-pymodbus</c>, run by <c>/usr/bin/python3</c>, <c>pymodbus_rtu_server.py</c>).
/// </summary>
[Collection("pty")]
public sealed class ModbusMasterPymodbusTests
{
    private const byte Unit = 7;

    [Fact(Timeout = 60_000)]
    public async Task Our_Master_Writes_Reads_And_Gets_Exceptions_From_Pymodbus()
    {
        using var pair = new SocatPtyPair();
        using var server = await StartServerAsync(pair.B);
        var options = new ModbusRtuOptions { ResponseTimeout = TimeSpan.FromMilliseconds(500), InterCharacterTimeout = TimeSpan.FromMilliseconds(100) };
        using var master = new ModbusRtuMaster(new SystemIoSerialPort(new SerialPortOptions(pair.A, 115200, SerialParity.None)), options);

        // The server prints before its event loop opens the line: the first write is retried until it answers.
        var deadline = Stopwatch.StartNew();
        ModbusResult written;
        do
        {
            written = master.WriteMultipleRegisters(Unit, 10, [1, 2, 3, 65535]);
            if (master.IsFaulted)
            {
                master.ResetFault();
            }
        }
        while (!written.IsOk && deadline.Elapsed < TimeSpan.FromSeconds(20));

        Assert.True(written.IsOk, $"pymodbus did not answer the write: {written.Status}");
        Assert.True(master.WriteSingleRegister(Unit, 3, 0xBEEF).IsOk);
        var values = new ushort[14];
        var read = master.ReadHoldingRegisters(Unit, 0, values);
        Assert.Equal(ModbusStatus.Ok, read.Status);
        Assert.Equal(0xBEEF, values[3]);
        Assert.Equal(new ushort[] { 1, 2, 3, 65535 }, values[10..14]);

        var past = master.ReadHoldingRegisters(Unit, 60, new ushort[10]);
        Assert.Equal(ModbusStatus.ExceptionResponse, past.Status);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, past.ExceptionCode);
    }

    private static async Task<ServerProcess> StartServerAsync(string device)
    {
        var script = Path.Combine(RepoRoot(), "tests", "Stow.Hardware.Tests", "Modbus", "pymodbus_rtu_server.py");
        var psi = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(device);
        var p = Process.Start(psi) ?? throw new InvalidOperationException("python3 did not start");
        _ = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await p.StandardOutput.ReadLineAsync(cts.Token);
        if (line is null || !line.StartsWith("serving", StringComparison.Ordinal))
        {
            p.Kill();
            throw new InvalidOperationException($"pymodbus server did not start (apt-get install python3-pymodbus python3-serial-asyncio): '{line}'");
        }

        _ = p.StandardOutput.ReadToEndAsync();
        return new ServerProcess(p);
    }

    /// <summary>The server process, killed by its PID on dispose.</summary>
    private sealed class ServerProcess(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }

            process.Dispose();
        }
    }

    private static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "StowCell.sln")))
        {
            d = d.Parent;
        }

        return d?.FullName ?? throw new InvalidOperationException("StowCell.sln not found above " + AppContext.BaseDirectory);
    }
}
