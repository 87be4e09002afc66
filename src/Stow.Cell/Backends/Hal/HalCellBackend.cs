using Microsoft.Extensions.Logging;
using Stow.Cell.Execution;
using Stow.Cell.Hosting;
using Stow.Cell.Outcomes;
using Stow.Cell.Perception;
using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Hardware.Cameras;
using Stow.Hardware.Drivers;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Management;
using Stow.Hardware.PodStation;
using Stow.Hardware.Ur;

namespace Stow.Cell.Backends.Hal;

/// <summary>
/// A shift's devices on the HAL alone (a live cell, <c>config/cell.live.json</c>): the components of the
/// <c>hardware</c> section of the file named by <c>Cell:Motion:Hardware</c> (with <c>Cell:Endpoints</c> overrides,
/// <see cref="HardwareConfigOverrides"/>) built through their drivers: <c>ur.arm</c> (RTDE, secondary, dashboard),
/// <c>ur.safety</c> (the controller's safety mode), <c>modbus.eoat</c> and <c>modbus.band_separator</c> (Modbus RTU over
/// serial lines), <c>recorded.camera</c> (a folder of recorded frames), <c>list.induct</c> (the shift's item list as the
/// scanner reports it) and <c>operator.pod_station</c> (pod ids; swaps completed by the operator). Stow execution is the
/// cell's <see cref="HalStowMotion"/>, perception the ONNX models on the camera's frames (<see cref="CameraPerception"/>).
/// There is no scorer (no truth to compare with) and no operator stand-in (real operators acknowledge the prompts).
/// Threading: the shift thread only. Lifecycle: built with its hardware up; <see cref="Dispose"/> shuts it down.
/// </summary>
public sealed class HalCellBackend : ICellBackend
{
    private readonly HalShiftWorld _world;
    private readonly HalStowMotion _motion;
    private readonly CameraPerception _perception;
    private readonly ItemListInduct _induct;
    private readonly Core.Time.VirtualClock _clock;

    private HalCellBackend(HalShiftWorld world, HalStowMotion motion, CameraPerception perception, ItemListInduct induct, Core.Time.VirtualClock clock)
    {
        _world = world;
        _motion = motion;
        _perception = perception;
        _induct = induct;
        _clock = clock;
        world.PodArrived += (_, pod) => PodArrived?.Invoke(this, pod);
    }

    /// <inheritdoc />
    public event EventHandler<PodId>? PodArrived;

    /// <inheritdoc />
    public IShiftWorld World => _world;

    /// <inheritdoc />
    public IShiftPerception Perception => _perception;

    /// <inheritdoc />
    public IShiftMotion Motion => _motion;

    /// <inheritdoc />
    public IAttemptScorer? Scorer => null;

    /// <summary>Builds the backend: hardware from configuration, brought up; the models loaded and calibrated.</summary>
    /// <param name="context">The shift's configuration, pod type, clock and logs.</param>
    /// <returns>The backend, its devices Active.</returns>
    /// <exception cref="ShiftSetupException">The configuration names no hardware file, a component is unknown or badly
    /// configured, a device does not answer, or a required device or the models are missing (the message says which; the
    /// inner exception carries the field for <see cref="ConfigErrorLine"/>). Nothing has moved.</exception>
    public static HalCellBackend Create(CellBackendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = context.Options;
        if (string.IsNullOrEmpty(o.Motion.Hardware))
        {
            throw new ShiftSetupException($"Cell:Backend '{HalCellBackendFactory.Name}' needs Cell:Motion:Hardware, the file whose hardware section names the devices")
            {
                Field = "Cell:Motion:Hardware",
            };
        }

        if (o.Perception.Mode != PerceptionMode.Onnx)
        {
            throw new ShiftSetupException($"Cell:Backend '{HalCellBackendFactory.Name}' perceives camera frames: Cell:Perception:Mode must be onnx")
            {
                Field = "Cell:Perception:Mode",
            };
        }

        var file = Path.GetFullPath(Path.Combine(context.RepoRoot, o.Motion.Hardware));
        HardwareManager hardware;
        try
        {
            var json = HardwareConfigOverrides.Apply(File.ReadAllText(file), o.Endpoints.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!, StringComparer.Ordinal));
            hardware = HardwareManager.Build(HardwareConfig.Parse(json), Registry(context.RepoRoot));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ShiftSetupException($"{file}: {e.Message}", e) { Field = "Cell:Motion:Hardware" };
        }
        catch (FormatException e)
        {
            throw new ShiftSetupException($"hardware configuration: {e.Message}", e);
        }

        HalStowMotion motion;
        try
        {
            motion = new HalStowMotion(hardware, context.Clock, context.PodType, new HalStowMotionOptions { RateHz = o.Motion.RateHz });
        }
        catch (Exception e) when (e is HardwareBringupException or InvalidOperationException or KeyNotFoundException)
        {
            throw new ShiftSetupException($"hardware did not come up: {e.Message}", e);
        }

        try
        {
            var station = Require<IPodStation>(hardware, OperatorPodStation.TypeName);
            var induct = Require<ItemListInduct>(hardware, ItemListInduct.TypeName);
            var camera = Require<ICamera>(hardware, RecordedCamera.TypeName);
            var world = new HalShiftWorld(context.PodType, station);
            var perception = new CameraPerception(camera, CameraModels.Load(context, [camera]), () => motion.RunCycles(1), () => world.Pod);
            return new HalCellBackend(world, motion, perception, induct, context.Clock);
        }
        catch
        {
            motion.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>The items go into the induct buffer as the scanner reports them (<see cref="ItemListInduct"/>).</remarks>
    public IReadOnlyList<Item> Scan(IReadOnlyList<Item> arriving) => _induct.Load(arriving, _clock.Now);

    /// <inheritdoc />
    public Task<IAsyncDisposable?> StartOperatorAsync(OperatorEndpoint endpoint, CancellationToken cancel) => Task.FromResult<IAsyncDisposable?>(null);

    /// <inheritdoc />
    public void Dispose()
    {
        _perception.Dispose();
        _motion.Dispose();
    }

    /// <summary>The driver types a live cell knows.</summary>
    private static HardwareRegistry Registry(string repoRoot)
    {
        var registry = new HardwareRegistry();
        var built = new Dictionary<string, IHardwareComponent>(StringComparer.Ordinal);
        registry.Register(UrDrivers.ArmType, c =>
        {
            var arm = new UrArm(c.Name, UrArmOptions.FromConfig(c));
            built[c.Name] = arm;
            return arm;
        });
        UrSafety.Register(registry, built);
        ModbusDrivers.Register(registry);
        RecordedCamera.Register(registry, repoRoot);
        ItemListInduct.Register(registry);
        OperatorPodStation.Register(registry);
        return registry;
    }

    private static T Require<T>(HardwareManager hardware, string type)
        where T : class, IHardwareComponent =>
        hardware.FindFirst<T>() ?? throw new ShiftSetupException($"the hardware section has no {type} component; a live cell needs one");
}
