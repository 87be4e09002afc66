using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Stow.Hardware.Tests.Modbus;

/// <summary>
/// Our <see cref="Stow.Hardware.Modbus.ModbusRtuServer"/> (through System.IO.Ports on a socat pty) against an
/// independent master: Debian's <c>mbpoll</c> (libmodbus), on the other end of the pair at 115200 Bd, no parity.
/// </summary>
[Collection("pty")]
public sealed partial class MbpollInteropTests
{
    [Fact(Timeout = 60_000)]
    public async Task Mbpoll_Reads_The_Registers_Our_Server_Holds()
    {
        using var rig = new ModbusPtyRig();
        for (var i = 0; i < 5; i++)
        {
            rig.Server[i] = (ushort)(1000 + (i * 111));
        }

        var (code, output) = await MbpollAsync(rig, "-r", "0", "-c", "5");

        Assert.True(code == 0, output);
        var values = Value().Matches(output).ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal([1000, 1111, 1222, 1333, 1444], Enumerable.Range(0, 5).Select(i => values[i]));
    }

    [Fact(Timeout = 60_000)]
    public async Task Mbpoll_Writes_Registers_Our_Server_Then_Holds()
    {
        using var rig = new ModbusPtyRig();

        var (code, output) = await MbpollAsync(rig, "-r", "10", "--", "100", "200", "300");

        Assert.True(code == 0, output);
        Assert.Equal([100, 200, 300], new int[] { rig.Server[10], rig.Server[11], rig.Server[12] });
    }

    [Fact(Timeout = 60_000)]
    public async Task Mbpoll_Gets_Illegal_Data_Address_For_A_Read_Past_The_Bank()
    {
        using var rig = new ModbusPtyRig(); // 64 registers

        var (code, output) = await MbpollAsync(rig, "-r", "60", "-c", "10");

        Assert.NotEqual(0, code);
        Assert.Contains("Illegal data address", output, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Runs mbpoll once as RTU master on the rig's master end (0-based references, 16-bit holding registers).</summary>
    private static async Task<(int Code, string Output)> MbpollAsync(ModbusPtyRig rig, params string[] args)
    {
        var psi = new ProcessStartInfo("mbpoll")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] common = ["-m", "rtu", "-a", ModbusPtyRig.Unit.ToString(CultureInfo.InvariantCulture), "-b", "115200", "-P", "none", "-t", "4", "-0", "-1", "-o", "2"];
        var dash = Array.IndexOf(args, "--");
        var options = dash < 0 ? args : args[..dash];
        var values = dash < 0 ? [] : args[(dash + 1)..];
        foreach (var a in common.Concat(options).Append(rig.Pair.A).Concat(values))
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException("mbpoll did not start (apt-get install mbpoll)");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill();
            throw new TimeoutException("mbpoll did not finish within 30 s");
        }

        return (p.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"^\[(\d+)\]:\s+(-?\d+)", RegexOptions.Multiline)]
    private static partial Regex Value();
}
