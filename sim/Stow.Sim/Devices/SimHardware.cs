using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Hardware.Cameras;
using Stow.Hardware.Management;
using Stow.Sim.Devices.Arm;
using Stow.Sim.Devices.BandSeparator;
using Stow.Sim.Devices.Cameras;
using Stow.Sim.Devices.Eoat;
using Stow.Sim.Devices.Faults;
using Stow.Sim.Devices.Induct;
using Stow.Sim.Devices.PodStation;
using Stow.Sim.Devices.Safety;

namespace Stow.Sim.Devices;

/// <summary>
/// Registers the simulator's component types, all sharing one <see cref="SimCell"/>:
/// <c>sim.arm</c>, <c>sim.eoat</c>, <c>sim.band_separator</c>, <c>sim.camera</c>, <c>sim.pod_station</c>,
/// <c>sim.induct</c>, <c>sim.safety</c>. Every type reads <c>params.faults</c> (see <see cref="SimFaultKnobs"/>);
/// <c>sim.safety</c> also reads <c>eStopPressed</c> and <c>guardDoorOpen</c> (booleans) to start with an e-stop
/// pressed or the guard door open.
/// </summary>
public static class SimHardware
{
    /// <summary>The type keys registered by <see cref="Register"/>.</summary>
    public static IReadOnlyList<string> TypeKeys { get; } =
        ["sim.arm", "sim.eoat", "sim.band_separator", "sim.camera", "sim.pod_station", "sim.induct", "sim.safety"];

    /// <summary>A ready configuration of a whole simulated cell (arm, eoat, band separator, camera, pod station, induct, safety).</summary>
    public const string DefaultConfigJson = """
        {"hardware":{"components":[
          {"name":"safety","type":"sim.safety","params":{"heartbeatTimeout":0.05}},
          {"name":"eoat","type":"sim.eoat","params":{}},
          {"name":"arm","type":"sim.arm","params":{}},
          {"name":"band_separator","type":"sim.band_separator","params":{"engageTime":0.8,"releaseTime":0.5}},
          {"name":"camera","type":"sim.camera","params":{"width":64,"height":48,"frameRate":15}},
          {"name":"pod_station","type":"sim.pod_station","params":{"pods":["P-0001","P-0002"],"swapTime":10}},
          {"name":"induct","type":"sim.induct","params":{}}
        ]}}
        """;

    /// <summary>Registers every simulated type.</summary>
    /// <param name="registry">Registry to fill.</param>
    /// <param name="cell">Shared simulation state of the devices built from it.</param>
    public static void Register(HardwareRegistry registry, SimCell cell)
    {
        registry.Register("sim.arm", c => new SimArm(c.Name, cell, SimArmOptions.FromConfig(c), SimFaultKnobs.FromConfig(c)));
        registry.Register("sim.eoat", c => new SimEoat(c.Name, cell, SimEoatOptions.FromConfig(c), SimFaultKnobs.FromConfig(c)));
        registry.Register("sim.band_separator", c => new SimBandSeparator(
            c.Name, cell, c.GetDouble("engageTime", 0.8), c.GetDouble("releaseTime", 0.5), SimFaultKnobs.FromConfig(c)));
        registry.Register("sim.safety", c =>
        {
            var safety = new SimSafety(c.Name, cell, c.GetDouble("heartbeatTimeout", 0.05), SimFaultKnobs.FromConfig(c));
            if (c.GetBool("eStopPressed", false))
            {
                safety.PressEStop();
            }

            safety.OpenGuardDoor(c.GetBool("guardDoorOpen", false));
            return safety;
        });
        registry.Register("sim.induct", c => new SimInductBuffer(c.Name, SimFaultKnobs.FromConfig(c)));
        registry.Register("sim.pod_station", c => new SimPodStation(c.Name, Pods(c), c.GetDouble("swapTime", 10), SimFaultKnobs.FromConfig(c)));
        registry.Register("sim.camera", c =>
        {
            var w = (int)c.GetInt64("width", 64);
            var h = (int)c.GetInt64("height", 48);
            var f = c.GetDouble("focal", w);
            var k = new CameraIntrinsics(w, h, f, f, (w - 1) / 2.0, (h - 1) / 2.0);
            var pose = Pose.At(c.GetDouble("x", -1.5), c.GetDouble("y", 0.5), c.GetDouble("z", 1.0));
            return new SimCamera(c.Name, cell, k, pose, c.GetDouble("frameRate", 15), SimFaultKnobs.FromConfig(c));
        });
    }

    /// <summary>Builds a manager for a simulated cell from a configuration document.</summary>
    /// <param name="json">Configuration with a <c>hardware</c> section (e.g. <see cref="DefaultConfigJson"/>).</param>
    /// <param name="cell">Shared simulation state.</param>
    /// <returns>The manager, components Unconfigured.</returns>
    public static HardwareManager BuildManager(string json, SimCell cell)
    {
        var registry = new HardwareRegistry();
        Register(registry, cell);
        return HardwareManager.Build(HardwareConfig.Parse(json), registry);
    }

    private static List<PodId> Pods(ComponentConfig c)
    {
        var list = new List<PodId>();
        if (c.TryGet("pods", out var arr) && arr.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var e in arr.EnumerateArray())
            {
                list.Add(new PodId(e.GetString() ?? "P-0001"));
            }
        }

        if (list.Count == 0)
        {
            list.Add(new PodId("P-0001"));
        }

        return list;
    }
}
