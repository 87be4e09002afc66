using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using Stow.Cell.Execution;
using Stow.Core.Catalog;
using Stow.Core.Geometry;
using Stow.Core.Pods;
using Stow.Hardware.Drivers;
using Stow.Hardware.Management;
using Stow.Hardware.Ur;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Devices;
using Stow.Sim.Emulators;

namespace Stow.Tools.Cli;

/// <summary>
/// <c>stowtools sim serve --config FILE [--devices DIR] [--seed S] [--endpoint COMPONENT.PARAM=VALUE ...]</c>: the
/// simulator as a separate process, serving every device of the configuration's <c>hardware</c> section that has a
/// protocol: each <c>modbus.eoat</c> / <c>modbus.band_separator</c> on a socat pty pair (the host end at the
/// component's <c>device</c> path, relative paths in <c>--devices</c>, where the live driver connects) with the device's
/// register map from an emulator, and each <c>ur.arm</c> as a UR controller emulator (RTDE at 500 Hz, secondary
/// interface, dashboard server) on the component's <c>host</c>, <c>rtdePort</c>, <c>secondaryPort</c> and
/// <c>dashboardPort</c>. All are backed by one simulated cell, on the wall clock, whose contact geometry is the bin
/// structure of the configuration's pod type (<c>Cell:PodType</c>, default fabric-40): the arm feels the walls, floors
/// and backs of the bins, not their contents. The simulated induct hands an item into the paddles whenever the arm
/// comes within <see cref="HandOverRadius"/> of the pick pose with the paddles empty (the cell's default pick pose, or
/// the <c>list.induct</c> component's <c>pickX</c>/<c>pickY</c>/<c>pickZ</c>), of the size that component's
/// <c>handOverLength</c>/<c>handOverWidth</c>/<c>handOverMass</c> give (default 0.20 m × 0.10 m, 0.5 kg): the simulator
/// cannot know which item the cell picked. Devices without a protocol (cameras, induct, pod station) are the cell's own.
/// When the configuration's <c>Cell:Mqtt:Broker</c> is <c>external</c>, it also stands in for the site's broker and the
/// people at the workcell: a mosquitto broker on <c>Cell:Mqtt:Port</c> (or <c>--mqtt-port</c>) and the simulated
/// operator, who acknowledges every prompt the cell sends there (pod swaps, jams, exception items).
/// When every device is up it prints one line on stdout, <c>sim serve ready: NAME=ENDPOINT ...</c>, and serves until
/// SIGTERM or Ctrl-C, then closes every port, pty and emulator. Exit codes: 0 stopped on request, 2 bad configuration,
/// a port in use or socat missing.
/// </summary>
public static class SimServeCommand
{
    /// <summary>The first words of the ready line.</summary>
    public const string ReadyPrefix = "sim serve ready:";

    /// <summary>Distance of the TCP from the pick pose within which the induct hands the item over [m].</summary>
    public const double HandOverRadius = 0.03;

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
        var endpoint = new Option<string[]>("--endpoint") { Description = "Endpoint override COMPONENT.PARAM=VALUE (repeatable), as for stowcell run" };
        var mqttPort = new Option<int?>("--mqtt-port") { Description = "Port of the operator broker (default: the configuration's Cell:Mqtt:Port)" };
        var cmd = new Command("serve", "Serve the devices a configuration names (Modbus over ptys, the UR controller over TCP) from the simulator until SIGTERM");
        cmd.Options.Add(config);
        cmd.Options.Add(devices);
        cmd.Options.Add(seed);
        cmd.Options.Add(endpoint);
        cmd.Options.Add(mqttPort);
        cmd.SetAction(pr => Serve(pr.GetValue(config)!, pr.GetValue(devices)!, pr.GetValue(seed), pr.GetValue(endpoint) ?? [], pr.GetValue(mqttPort)));
        return cmd;
    }

    private static int Serve(string configPath, string deviceDirectory, int seed, string[] endpoints, int? mqttPort)
    {
        string json;
        HardwareConfig hardware;
        PodType podType;
        OperatorSite? site;
        try
        {
            json = HardwareConfigOverrides.Apply(File.ReadAllText(configPath), HardwareConfigOverrides.Parse(endpoints));
            hardware = HardwareConfig.Parse(json);
            if (!hardware.Components.Any(c => c.Type is ModbusDrivers.EoatType or ModbusDrivers.BandSeparatorType or UrDrivers.ArmType))
            {
                Console.Error.WriteLine($"stowtools sim serve: {configPath}: the hardware section names no device to serve (modbus.eoat, modbus.band_separator, ur.arm)");
                return 2;
            }

            podType = PodTypeOf(json, configPath);
            site = OperatorSite.FromConfig(json, mqttPort);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or JsonException or PodConfigException)
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
        var cell = new SimCell(seed, SimArmMotion.StructureOf(podType)) { Bins = podType.Bins };
        LiveSimRig rig;
        try
        {
            rig = LiveSimRig.Start(json, cell, deviceDirectory, selfStepping: true, serve: true);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or IOException or SocketException)
        {
            Console.Error.WriteLine($"stowtools sim serve: {configPath}: {e.Message}");
            return 2;
        }

        var links = rig.Links.Values.SelectMany(l => new[] { l.HostEnd, l.DeviceEnd }).ToList();
        using (rig)
        {
            using var induct = StartInduct(hardware, rig, cell, stop.Token);
            IAsyncDisposable? people = null;
            if (site is not null)
            {
                try
                {
                    people = site.StartAsync(Path.Combine(deviceDirectory, "broker"), stop.Token).GetAwaiter().GetResult();
                }
                catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or Stow.Cell.Mqtt.MqttConnectException)
                {
                    Console.Error.WriteLine($"stowtools sim serve: {configPath}: operator broker on port {site.Port}: {e.Message}");
                    return 2;
                }
            }

            var served = rig.Links.Select(l => (l.Key, l.Value.HostEnd))
                .Concat(rig.UrControllers.Select(u => (u.Key, string.Create(CultureInfo.InvariantCulture,
                    $"rtde:{u.Value.Options.BindAddress}:{u.Value.RtdePort},secondary:{u.Value.Options.BindAddress}:{u.Value.SecondaryPort},dashboard:{u.Value.Options.BindAddress}:{u.Value.DashboardPort}"))))
                .Concat(site is null ? [] : [("operator", string.Create(CultureInfo.InvariantCulture, $"mqtt:127.0.0.1:{site.Port}"))])
                .OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => $"{e.Key}={e.Item2}");
            Console.Out.WriteLine($"{ReadyPrefix} {string.Join(' ', served)}");
            Console.Out.Flush();
            stop.Token.WaitHandle.WaitOne();
            people?.DisposeAsync().AsTask().GetAwaiter().GetResult();
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

    /// <summary>The pod type the configuration's <c>Cell:PodType</c> names (default fabric-40), from the repository's config/pods.</summary>
    private static PodType PodTypeOf(string json, string configPath)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var name = doc.RootElement.TryGetProperty("Cell", out var c) && c.TryGetProperty("PodType", out var p) && p.ValueKind == JsonValueKind.String
            ? p.GetString()!
            : "fabric-40";
        var folder = Path.Combine(CatalogPaths.FindRepoRoot(Path.GetDirectoryName(Path.GetFullPath(configPath))) ?? CatalogPaths.FindRepoRoot() ?? ".", "config", "pods");
        var all = PodTypeLoader.LoadFolder(folder);
        return all.TryGetValue(name, out var type) ? type
            : throw new FormatException($"Cell:PodType '{name}' is not in {folder} (have: {string.Join(", ", all.Keys)})");
    }

    /// <summary>Starts the simulated induct's hand-over (a thread polling the emulated arm at 500 Hz), or null without an EOAT and an arm.</summary>
    private static InductHandOver? StartInduct(HardwareConfig hardware, LiveSimRig rig, SimCell cell, CancellationToken stop)
    {
        var eoat = rig.Emulators.Values.OfType<EoatEmulator>().FirstOrDefault()?.Device;
        var arm = rig.UrControllers.Values.FirstOrDefault()?.Arm;
        if (eoat is null || arm is null)
        {
            return null;
        }

        var c = hardware.Components.FirstOrDefault(x => x.Type == "list.induct");
        var pick = new HalStowMotionOptions().InductPose!.Value.Position;
        if (c is not null)
        {
            pick = new Vec3(c.GetDouble("pickX", pick.X), c.GetDouble("pickY", pick.Y), c.GetDouble("pickZ", pick.Z));
        }

        var size = (Length: c?.GetDouble("handOverLength", 0.20) ?? 0.20, Width: c?.GetDouble("handOverWidth", 0.10) ?? 0.10, Mass: c?.GetDouble("handOverMass", 0.5) ?? 0.5);
        return new InductHandOver(() =>
        {
            if (cell.HeldItem is null && (arm.State.TcpPose.Position - pick).Length <= HandOverRadius)
            {
                eoat.LoadItem(size.Length, size.Width, size.Mass);
            }
        }, stop);
    }

    /// <summary>Runs the hand-over check every 2 ms on its own thread until disposed or stopped.</summary>
    private sealed class InductHandOver : IDisposable
    {
        private readonly Thread _thread;
        private readonly CancellationTokenSource _stop;

        public InductHandOver(Action check, CancellationToken stop)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var token = _stop.Token;
            _thread = new Thread(() =>
            {
                while (!token.WaitHandle.WaitOne(2))
                {
                    check();
                }
            })
            { IsBackground = true, Name = "sim-induct" };
            _thread.Start();
        }

        public void Dispose()
        {
            _stop.Cancel();
            _thread.Join();
            _stop.Dispose();
        }
    }
}
