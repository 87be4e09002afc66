using Stow.Hardware.Cameras;
using Stow.Hardware.Drivers;
using Stow.Hardware.Management;
using Stow.Hardware.Ur;
using Stow.Sim.Devices;
using Stow.Sim.Devices.Arm;
using Stow.Sim.Devices.BandSeparator;
using Stow.Sim.Devices.Eoat;
using Stow.Sim.Devices.Faults;
using Stow.Sim.Ur;

namespace Stow.Sim.Emulators;

/// <summary>
/// Runs a cell whose Modbus devices are real serial drivers talking to device emulators over socat pty pairs, the
/// rest simulated (<c>config/cell.live-sim.json</c>). For every component of type <c>modbus.eoat</c> or
/// <c>modbus.band_separator</c> it starts one socat pair (host end = the component's <c>device</c>, emulator end = its
/// <c>emulatorDevice</c>, default <c>device + ".emu"</c>; relative paths resolve in <see cref="DeviceDirectory"/>),
/// starts the matching emulator backed by a simulated device on the shared <see cref="SimCell"/> (self-stepping on the
/// wall clock, or stepped by the caller through <see cref="Step"/>), and builds the <see cref="HardwareManager"/> from the whole configuration (simulated types plus the
/// Modbus drivers). Dispose shuts the hardware down, stops the emulators, kills each socat by its PID and removes a
/// directory it created.
/// For every component of type <c>ur.arm</c> it starts a <see cref="UrControllerEmulator"/> on free loopback ports,
/// backed by a <see cref="SimArm"/> on the same <see cref="SimCell"/> (built from the component's params: model, base
/// pose, limits, faults), and builds the <see cref="UrArm"/> driver with those ports and the emulated arm's base pose
/// (the emulator always runs on the wall clock at 500 Hz, whatever <c>selfStepping</c> says; <c>emulatorUnlockDelay</c>
/// [s], default 0, is its protective-stop unlock delay).
/// Emulator parameters per component: <c>emulatorWatchdog</c> [s] (default 1.0, looser than the map's 200 ms because
/// a simulated cell may pause between cycles), the simulated device's own parameters and <c>faults</c>.
/// Line settings: use <c>"parity": "none"</c> for the drivers on ptys. A pty ignores the character format, but
/// Linux refuses (EINVAL) a second <c>tcsetattr</c> with PARENB on a socat pty slave after it was closed once, so a
/// driver configured with parity could not reopen its line after its error path (System.IO.Ports' SerialPort meets the
/// same refusal: SystemIoSerialPortTests); real RS-485 lines keep 8E1.
/// Threading: the emulators run on their own threads and write the shared <see cref="SimCell"/>'s EOAT and band
/// fields (held item, paddle gap, spatula extension, engaged bin) while the control loop reads them: single-word
/// writes, no torn values, but no cycle-exact ordering either (as with real devices on a line).
/// </summary>
/// <example>
/// <code>
/// var cell = new SimCell(seed: 1);
/// using var rig = LiveSimRig.StartFromFile("config/cell.live-sim.json", cell);
/// var hw = rig.Hardware;               // Configure / Activate / Read / Write as with the simulator
/// </code>
/// </example>
public sealed class LiveSimRig : IDisposable
{
    private readonly List<SocatPtyLink> _links = [];
    private readonly List<ModbusDeviceEmulator> _emulators = [];
    private readonly Dictionary<string, UrControllerEmulator> _controllers = new(StringComparer.Ordinal);
    private readonly bool _ownsDirectory;

    private LiveSimRig(string deviceDirectory, bool ownsDirectory)
    {
        DeviceDirectory = deviceDirectory;
        _ownsDirectory = ownsDirectory;
    }

    /// <summary>Directory holding the pty links.</summary>
    public string DeviceDirectory { get; }

    /// <summary>The cell's hardware, every component Unconfigured (null for a rig started with <c>serve</c>).</summary>
    public HardwareManager Hardware { get; private set; } = null!;

    /// <summary>The emulators, by component name.</summary>
    public IReadOnlyDictionary<string, ModbusDeviceEmulator> Emulators { get; private set; } = null!;

    /// <summary>The UR controller emulators, by <c>ur.arm</c> component name (dispose one to kill the controller).</summary>
    public IReadOnlyDictionary<string, UrControllerEmulator> UrControllers => _controllers;

    /// <summary>True when a <c>ur.arm</c> component is driven over RTDE (its loop must then be paced on the wall clock).</summary>
    public bool HasLiveArm => _controllers.Count > 0;

    /// <summary>Whether a configuration file names a <c>ur.arm</c> component.</summary>
    /// <param name="path">Cell configuration path.</param>
    /// <returns>True when the arm is driven over RTDE.</returns>
    /// <exception cref="FormatException">The configuration is invalid.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static bool DrivesArmLive(string path) =>
        HardwareConfig.Parse(File.ReadAllText(path)).Components.Any(c => c.Type == UrDrivers.ArmType);

    /// <summary>The socat links, by component name (kill one to pull that device's cable).</summary>
    public IReadOnlyDictionary<string, SocatPtyLink> Links { get; private set; } = null!;

    /// <summary>Starts the rig from a configuration file.</summary>
    /// <param name="path">Path of a cell configuration with a <c>hardware</c> section.</param>
    /// <param name="cell">Shared simulation state.</param>
    /// <param name="deviceDirectory">Where the pty links go (null: a new temporary directory, removed on Dispose).</param>
    /// <returns>The running rig.</returns>
    /// <exception cref="FormatException">The configuration is invalid.</exception>
    /// <exception cref="InvalidOperationException">socat could not be started.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <param name="selfStepping">True: the emulated devices move on the wall clock (a real-time paced cell); false: the
    /// caller advances them with <see cref="Step"/> each control cycle (a cell on a simulated clock).</param>
    public static LiveSimRig StartFromFile(string path, SimCell cell, string? deviceDirectory = null, bool selfStepping = true) =>
        Start(File.ReadAllText(path), cell, deviceDirectory, selfStepping);

    /// <summary>Starts the rig from configuration text.</summary>
    /// <param name="configJson">Cell configuration with a <c>hardware</c> section.</param>
    /// <param name="cell">Shared simulation state.</param>
    /// <param name="deviceDirectory">Where the pty links go (null: a new temporary directory, removed on Dispose).</param>
    /// <returns>The running rig.</returns>
    /// <exception cref="FormatException">The configuration is invalid.</exception>
    /// <exception cref="InvalidOperationException">socat could not be started.</exception>
    /// <param name="selfStepping">As in <see cref="StartFromFile"/>.</param>
    /// <param name="serve">True: the rig is the simulator process of a live-configured cell (<c>sim serve</c>): the UR
    /// controller emulators listen on the ports the <c>ur.arm</c> components name (<c>rtdePort</c>, <c>secondaryPort</c>,
    /// <c>dashboardPort</c>; 0 or absent: free ports), no driver is built (<see cref="Hardware"/> stays null: the cell's
    /// process has the drivers) and components of other types are left to the cell. False: as before.</param>
    public static LiveSimRig Start(string configJson, SimCell cell, string? deviceDirectory = null, bool selfStepping = true, bool serve = false)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var config = HardwareConfig.Parse(configJson);
        var owns = deviceDirectory is null;
        var dir = deviceDirectory ?? Path.Combine(Path.GetTempPath(), "stowcell-live-sim-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var rig = new LiveSimRig(Path.GetFullPath(dir), owns);
        try
        {
            rig.StartDevices(config, cell, selfStepping, serve);
            if (serve)
            {
                rig.Hardware = null!;
                return rig;
            }

            var registry = new HardwareRegistry();
            SimHardware.Register(registry, cell);
            ModbusDrivers.Register(registry, rig.DeviceDirectory);
            RecordedCamera.Register(registry);
            registry.Register(UrDrivers.ArmType, c =>
            {
                var e = rig._controllers[c.Name];
                return new UrArm(c.Name, UrArmOptions.FromConfig(c) with
                {
                    Host = e.Options.BindAddress,
                    RtdePort = e.RtdePort,
                    SecondaryPort = e.SecondaryPort,
                    DashboardPort = e.DashboardPort,
                    BasePose = e.Arm.Options.BasePose,
                });
            });
            rig.Hardware = HardwareManager.Build(config, registry);
            return rig;
        }
        catch
        {
            rig.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Advances every emulated device to <paramref name="time"/> (a rig started with <c>selfStepping: false</c>); call it
    /// once per control cycle before <c>Hardware.Read</c>, with the same clock.
    /// </summary>
    /// <param name="time">Simulation time [s].</param>
    /// <param name="period">Cycle period [s].</param>
    public void Step(double time, double period)
    {
        foreach (var e in _emulators)
        {
            e.Step(time, period);
        }
    }

    /// <summary>
    /// Shuts the hardware down (closing the drivers' ports), stops the emulators, kills each socat by its PID and removes
    /// the link directory if the rig made it.
    /// </summary>
    public void Dispose()
    {
        Hardware?.ShutdownAll();
        foreach (var e in _emulators)
        {
            e.Dispose();
        }

        foreach (var l in _links)
        {
            l.Dispose();
        }

        foreach (var c in _controllers.Values)
        {
            c.Dispose();
        }

        _controllers.Clear();

        _emulators.Clear();
        _links.Clear();
        if (_ownsDirectory)
        {
            try
            {
                Directory.Delete(DeviceDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A link socat left behind; the temporary directory is harmless.
            }
        }
    }

    private void StartDevices(HardwareConfig config, SimCell cell, bool selfStepping, bool serve)
    {
        var emulators = new Dictionary<string, ModbusDeviceEmulator>(StringComparer.Ordinal);
        var links = new Dictionary<string, SocatPtyLink>(StringComparer.Ordinal);
        foreach (var c in config.Components)
        {
            if (c.Type == UrDrivers.ArmType)
            {
                var arm = new SimArm(c.Name + ".emulated", cell, SimArmOptions.FromConfig(c), SimFaultKnobs.FromConfig(c));
                _controllers[c.Name] = UrControllerEmulator.Start(arm, cell, new UrControllerOptions
                {
                    ProtectiveStopUnlockDelay = c.GetDouble("emulatorUnlockDelay", 0),
                    BindAddress = serve ? c.GetString("host", "127.0.0.1") : "127.0.0.1",
                    RtdePort = serve ? (int)c.GetInt64("rtdePort", 0) : 0,
                    SecondaryPort = serve ? (int)c.GetInt64("secondaryPort", 0) : 0,
                    DashboardPort = serve ? (int)c.GetInt64("dashboardPort", 0) : 0,
                });
                continue;
            }

            if (c.Type is not (ModbusDrivers.EoatType or ModbusDrivers.BandSeparatorType))
            {
                continue;
            }

            var device = c.RequireString("device", "serial device path");

            var host = Path.Combine(DeviceDirectory, device);
            var emu = Path.Combine(DeviceDirectory, c.GetString("emulatorDevice", device + ".emu"));
            Directory.CreateDirectory(Path.GetDirectoryName(host)!);
            var link = new SocatPtyLink(host, emu);
            _links.Add(link);
            links[c.Name] = link;
            var watchdog = c.GetDouble("emulatorWatchdog", 1.0);
            var faults = SimFaultKnobs.FromConfig(c);
            ModbusDeviceEmulator emulator = c.Type == ModbusDrivers.EoatType
                ? new EoatEmulator(emu, new SimEoat(c.Name + ".emulated", cell, SimEoatOptions.FromConfig(c), faults), (byte)c.GetInt64("unit", 1))
                {
                    WatchdogTimeout = watchdog,
                }
                : new BandSeparatorEmulator(
                    emu,
                    new SimBandSeparator(c.Name + ".emulated", cell, c.GetDouble("engageTime", 0.8), c.GetDouble("releaseTime", 0.5), faults),
                    (byte)c.GetInt64("unit", 2))
                {
                    WatchdogTimeout = watchdog,
                    MaxRows = (int)c.GetInt64("maxRows", 26),
                    MaxColumns = (int)c.GetInt64("maxColumns", 16),
                };
            _emulators.Add(emulator);
            emulators[c.Name] = emulator;
            emulator.Start(selfStepping);
        }

        Emulators = emulators;
        Links = links;
    }
}
