using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stow.Hardware.Drivers;
using Stow.Hardware.Management;
using Stow.Tools.Cli;
using Stow.Tools.Tests.Support;

namespace Stow.Tools.Tests.Cli;

/// <summary><c>stowtools sim serve</c>: the simulator as a separate process serving the Modbus devices and the UR controller of a configuration.</summary>
public class SimServeTests
{
    [Fact(Timeout = 120_000)]
    public async Task Serves_The_Configured_Modbus_Devices_And_Arm_To_Real_Drivers_And_Stops_On_Sigterm()
    {
        using var dir = new TempDir();
        var config = Path.Combine(TestPaths.RepoRoot, "config", "cell.live-sim.json");
        using var serve = Start("sim", "serve", "--config", config, "--devices", dir.Path);
        try
        {
            await ServeAndStop(serve, config, dir.Path);
        }
        finally
        {
            if (!serve.HasExited)
            {
                serve.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task ServeAndStop(Process serve, string config, string devices)
    {
        var stderr = serve.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var ready = await ReadyLine(serve, deadline.Token);

        var endpoints = ready[SimServeCommand.ReadyPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(["arm", "band_separator", "eoat"], endpoints.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("rtde:127.0.0.1:", endpoints["arm"], StringComparison.Ordinal);
        Assert.Equal(Path.Combine(devices, "eoat.tty"), endpoints["eoat"]);

        // The real Modbus drivers of both devices, as a live-configured cell builds them, come up against the served ptys.
        var hardware = JsonNode.Parse(await File.ReadAllTextAsync(config))!["hardware"]!["components"]!.AsArray()
            .Where(c => ((string?)c!["type"])!.StartsWith("modbus.", StringComparison.Ordinal)).Select(c => c!.DeepClone()).ToArray();
        var registry = new HardwareRegistry();
        ModbusDrivers.Register(registry, devices);
        var drivers = HardwareManager.Build(HardwareConfig.Parse(new JsonObject { ["hardware"] = new JsonObject { ["components"] = new JsonArray(hardware) } }.ToJsonString()), registry);
        try
        {
            var report = drivers.Bringup();
            Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        }
        finally
        {
            drivers.ShutdownAll();
        }

        using (var kill = Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(deadline.Token);
        }

        await serve.WaitForExitAsync(deadline.Token);
        Assert.Equal(0, serve.ExitCode);
        Assert.Contains("stopped", await stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(devices, "eoat.tty")), "the pty link is gone after the stop");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_Configuration_Without_Served_Devices_Is_Refused_With_Its_Path()
    {
        using var dir = new TempDir();
        var config = dir.File("no-devices.json");
        await File.WriteAllTextAsync(config, """{"hardware":{"components":[{"name":"arm","type":"sim.arm"}]}}""");
        using var serve = Start("sim", "serve", "--config", config, "--devices", dir.Path);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(50));

        await serve.WaitForExitAsync(deadline.Token);

        Assert.Equal(2, serve.ExitCode);
        Assert.Contains(config, await serve.StandardError.ReadToEndAsync(deadline.Token), StringComparison.Ordinal);
    }

    private static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(TestPaths.StowToolsDll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static async Task<string> ReadyLine(Process serve, CancellationToken deadline)
    {
        while (await serve.StandardOutput.ReadLineAsync(deadline) is { } line)
        {
            if (line.StartsWith(SimServeCommand.ReadyPrefix, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException("sim serve ended without its ready line");
    }
}
