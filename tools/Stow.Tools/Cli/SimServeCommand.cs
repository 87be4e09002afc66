using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json;
using Stow.Hardware.Drivers;
using Stow.Hardware.Management;
using Stow.Sim.Devices;
using Stow.Sim.Emulators;

namespace Stow.Tools.Cli;

/// <summary>
/// <c>stowtools sim serve --config FILE [--devices DIR] [--seed S]</c>: the simulator as a separate process. For every
/// Modbus device the configuration's <c>hardware</c> section names (<c>modbus.eoat</c>, <c>modbus.band_separator</c>) it
/// opens a socat pty pair in <c>--devices</c> (the host end at the component's <c>device</c> path, where a live driver
/// connects) and serves the device's register map from an emulator backed by the simulated device, on the wall clock.
/// When every device is up it prints one line on stdout,
/// <c>sim serve ready: NAME=PATH ...</c>, and serves until SIGTERM or Ctrl-C, then closes every pty and emulator.
/// Exit codes: 0 stopped on request, 2 bad configuration or socat missing.
/// </summary>
public static class SimServeCommand
{
    /// <summary>The first words of the ready line.</summary>
    public const string ReadyPrefix = "sim serve ready:";

    /// <summary>Creates the <c>serve</c> subcommand.</summary>
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Cell configuration whose hardware section names the devices", Required = true };
        var devices = new Option<string>("--devices")
        {
            Description = "Folder of the pty links (relative device paths resolve there)",
            DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "stowcell-sim"),
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated devices", DefaultValueFactory = _ => 1 };
        var cmd = new Command("serve", "Serve the devices a configuration names (Modbus over ptys) from the simulator until SIGTERM");
        cmd.Options.Add(config);
        cmd.Options.Add(devices);
        cmd.Options.Add(seed);
        cmd.SetAction(pr => Serve(pr.GetValue(config)!, pr.GetValue(devices)!, pr.GetValue(seed)));
        return cmd;
    }

    private static int Serve(string configPath, string deviceDirectory, int seed)
    {
        string json;
        try
        {
            json = File.ReadAllText(configPath);
            if (!HardwareConfig.Parse(json).Components.Any(c => c.Type is ModbusDrivers.EoatType or ModbusDrivers.BandSeparatorType))
            {
                Console.Error.WriteLine($"stowtools sim serve: {configPath}: the hardware section names no Modbus device to serve");
                return 2;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or JsonException)
        {
            Console.Error.WriteLine($"stowtools sim serve: {configPath}: {e.Message}");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        LiveSimRig rig;
        try
        {
            rig = LiveSimRig.Start(json, new SimCell(seed), deviceDirectory, selfStepping: true);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"stowtools sim serve: {configPath}: {e.Message}");
            return 2;
        }

        var links = rig.Links.Values.SelectMany(l => new[] { l.HostEnd, l.DeviceEnd }).ToList();
        using (rig)
        {
            var endpoints = rig.Links.Keys.Order(StringComparer.Ordinal).Select(name => $"{name}={rig.Links[name].HostEnd}");
            Console.Out.WriteLine($"{ReadyPrefix} {string.Join(' ', endpoints)}");
            Console.Out.Flush();
            stop.Token.WaitHandle.WaitOne();
        }

        // socat is killed, not asked to leave: remove the pty links it made, so no driver opens a dead end.
        foreach (var link in links)
        {
            if (new FileInfo(link).LinkTarget is not null)
            {
                File.Delete(link);
            }
        }

        Console.Error.WriteLine("stowtools sim serve: stopped");
        return 0;
    }
}
