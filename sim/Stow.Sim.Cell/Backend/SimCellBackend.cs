using Stow.Sim.Devices.Induct;
using Stow.Sim.World;
using Microsoft.Extensions.Logging;
using Stow.Cell.Backends;
using Stow.Cell.Backends.Hal;
using Stow.Cell.Hosting;
using Stow.Cell.Outcomes;
using Stow.Cell.Shift;
using Stow.Core.Catalog;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Cell.Perception;
using Stow.Hardware.Induct;
using Stow.Sim.Cell.Devices;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.Operator;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Sim.Rendering;

namespace Stow.Sim.Cell.Backend;

/// <summary>
/// A shift's devices on the simulator, as HAL devices that the cell's own code runs on, over the simulated world (a
/// stream of prefilled pods): face cameras rendering the world's pod (<see cref="RenderedPodCamera"/>, read by the cell's
/// <see cref="CameraPerception"/>), the induct buffer (<see cref="SimInductBuffer"/>, measured by <see cref="InductScale"/>),
/// the pod station (<see cref="WorldPodStation"/>, behind the cell's <see cref="HalShiftWorld"/>), and the arm, EOAT, band
/// separator and safety (the cell's <see cref="Stow.Cell.Execution.HalStowMotion"/> on the simulated cell of
/// <see cref="SimArmMotion"/>, whose hooks hand items over and release them into the world). Beside them: the truth
/// scorer (<see cref="SimOutcomeScorer"/>) and a simulated operator over MQTT. Simulator-only diagnostics, never the
/// default: ground-truth perception (<c>Cell:Perception:Mode=groundtruth</c>) and timed motion (<c>Cell:Motion:Mode=timed</c>).
/// Threading: the shift thread only. Lifecycle: built ready; <see cref="Dispose"/> shuts the devices down.
/// </summary>
public sealed class SimCellBackend : ICellBackend
{
    private readonly SimShiftWorld _world;
    private readonly HalShiftWorld _station;
    private readonly ILoggerFactory _logs;
    private readonly SimInductBuffer _induct;
    private readonly InductScale _scale;
    private readonly Stow.Core.Time.IClock _clock;

    private readonly IShiftMotion _simMotion;

    private SimCellBackend(SimShiftWorld world, HalShiftWorld station, IShiftPerception perception, IShiftMotion simMotion, ILoggerFactory logs, SimInductBuffer induct, InductScale scale, Stow.Core.Time.IClock clock)
    {
        _simMotion = simMotion;
        _station = station;
        _induct = induct;
        _scale = scale;
        _clock = clock;
        _world = world;
        _logs = logs;
        Scorer = new SimOutcomeScorer(world);
        Perception = perception;
        // The arm: the cell's own stow execution on the simulated HAL devices (the simulator's hooks hand the item over
        // at the induct and release it into the world). Timed motion (a diagnostic without devices) stays the simulator's.
        Motion = simMotion is SimArmMotion arm ? arm.Execution : new WorldStowMotion(simMotion, world);
        station.PodArrived += OnPodArrived;
    }

    /// <inheritdoc />
    public event EventHandler<PodId>? PodArrived;

    /// <inheritdoc />
    /// <remarks>The cell's own pod side on the HAL (<see cref="HalShiftWorld"/>) over the simulated pod station
    /// (<see cref="WorldPodStation"/>); the simulated world stays behind the devices.</remarks>
    public IShiftWorld World => _station;

    /// <inheritdoc />
    public IShiftPerception Perception { get; }

    /// <inheritdoc />
    public IShiftMotion Motion { get; }

    /// <inheritdoc />
    public IAttemptScorer? Scorer { get; private init; }

    /// <summary>Builds the backend from the shift's context.</summary>
    /// <exception cref="ShiftSetupException">A model, mode or the simulated hardware is not usable (the message says what).</exception>
    public static SimCellBackend Create(CellBackendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = context.Options;
        SimWorldOptions simOptions;
        try
        {
            simOptions = SimWorldOptions.FromConfiguration(o.Sim, "the cell configuration's Sim: section");
        }
        catch (SimConfigException e)
        {
            throw new ShiftSetupException($"configuration: {e.Message}", e);
        }

        if (o.ArrivalFillMax is { } max)
        {
            simOptions = simOptions with { Arrival = PodArrivalOptions.UpTo(max) };
        }

        var world = new SimShiftWorld(context.PodType, context.CatalogItems, simOptions, o.Seed);
        var perception = BuildPerception(context, world);
        try
        {
            var induct = new SimInductBuffer("induct");
            Activate(induct);
            var station = new WorldPodStation("pod_station", world, o.Shift.PodSwapSeconds);
            Activate(station);
            var clock = context.Clock;
            var shiftWorld = new HalShiftWorld(context.PodType, station, clock, clock.Advance);
            var motion = BuildMotion(context, world);
            return new SimCellBackend(world, shiftWorld, perception, motion, context.Logs, induct, new InductScale(o.Seed, simOptions.Induct), clock);
        }
        catch
        {
            (perception as IDisposable)?.Dispose();
            throw;
        }
    }

    /// <summary>The induct buffer the shift's items arrive in (a HAL device).</summary>
    public Stow.Hardware.Induct.IInductBuffer Induct => _induct;

    /// <inheritdoc />
    /// <remarks>The physical items arrive at the simulated induct: the world keeps them (the truth stays on the
    /// simulator's side), the induct's dimensioner and scale measure them with the seeded error of
    /// <see cref="InductScale"/> into the HAL induct buffer (<see cref="SimInductBuffer"/>), and the cell reads its items
    /// from that buffer (<see cref="InductScan"/>), as from a live cell's induct.</remarks>
    public IReadOnlyList<Item> Scan(IReadOnlyList<Item> arriving)
    {
        ArgumentNullException.ThrowIfNull(arriving);
        foreach (var item in arriving)
        {
            _world.TrueItems[item.Id] = item;
            var m = _scale.Measure(item);
            _induct.Enqueue(new ScannedItem(m.Id, m.Dimensions, m.Mass, _clock.Now));
        }

        return InductScan.Measured(_induct, arriving);
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable?> StartOperatorAsync(OperatorEndpoint endpoint, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var op = new SimulatedOperator(endpoint.CellId, endpoint.Host, endpoint.Port, endpoint.Username, endpoint.Password,
            _logs.CreateLogger("Stow.Cell.SimulatedOperator"));
        return await StartAsync(op, cancel).ConfigureAwait(false);
    }

    /// <summary>Connects the simulated operator (15 s at most).</summary>
    /// <param name="op">The operator (not yet connected).</param>
    /// <param name="cancel">Cancels the connection.</param>
    private static async Task<IAsyncDisposable?> StartAsync(SimulatedOperator op, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            await op.ConnectAsync(timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            await op.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new OperatorHandle(op);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _station.PodArrived -= OnPodArrived;
        (Perception as IDisposable)?.Dispose();
        (_simMotion as IDisposable)?.Dispose();
    }

    private void OnPodArrived(object? sender, PodId pod) => PodArrived?.Invoke(this, pod);

    private static IShiftPerception BuildPerception(CellBackendContext context, SimShiftWorld world)
    {
        var o = context.Options;
        switch (o.Perception.Mode)
        {
            case PerceptionMode.GroundTruth:
                return new GroundTruthPerception(world);
            case PerceptionMode.Onnx:
                // The simulated camera rig as HAL cameras; the cell calibrates from their calibration and runs its own
                // perception on their frames, as on a live cell.
                var cameras = SimCameras(context, world);
                return new CameraPerception(cameras, CameraModels.Load(context, cameras), Capture(context), () => world.Pod);

            default:
                throw new ShiftSetupException($"unknown perception mode {o.Perception.Mode}");
        }
    }

    /// <summary>
    /// The simulated face cameras (<see cref="CameraRig.Tower"/> with <c>Cell:Perception:Cameras</c> cameras), configured
    /// and active, rendering the world's pod at the station with ARC item photos as textures when they are present.
    /// Noise seeds: seed·100 000 + capture number, shared by the rig (as before the cameras were HAL devices).
    /// </summary>
    private static RenderedPodCamera[] SimCameras(CellBackendContext context, SimShiftWorld world)
    {
        var o = context.Options;
        var rig = CameraRig.Tower(context.PodType, o.Perception.Cameras);
        var images = Path.Combine(CatalogPaths.ResolveDataRoot(o.DataDir), "items", "arc2017", "images");
        var arc = Directory.Exists(images) ? images : null;
        var frame = o.Seed * 100_000;
        var cameras = rig.Cameras
            .Select((c, i) => new RenderedPodCamera($"camera{i}", c, () => Stow.Sim.Scenes.WorldScene.Build(world.Current, arc), () => frame++, world.Options.Sensor))
            .ToArray();
        foreach (var c in cameras)
        {
            Activate(c);
        }

        return cameras;
    }

    /// <summary>Brings a simulated device to Active.</summary>
    /// <exception cref="ShiftSetupException">It did not come up (its last error).</exception>
    private static void Activate(Stow.Hardware.Lifecycle.HardwareComponent device)
    {
        if (device.Configure() != Stow.Hardware.Lifecycle.CallbackReturn.Success || device.Activate() != Stow.Hardware.Lifecycle.CallbackReturn.Success)
        {
            throw new ShiftSetupException($"simulated device '{device.Name}' did not come up: {device.LastError}");
        }
    }

    /// <summary>A triggered capture of a simulated camera at the shift clock's time.</summary>
    private static Action<Stow.Hardware.Cameras.ICamera> Capture(CellBackendContext context) => camera =>
    {
        var c = (RenderedPodCamera)camera;
        c.Trigger();
        c.Read(context.Clock.Now, 0);
    };

    private static IShiftMotion BuildMotion(CellBackendContext context, SimShiftWorld world)
    {
        var o = context.Options;
        switch (o.Motion.Mode)
        {
            case MotionMode.Timed:
                return new TimedMotion(context.Clock, world);
            case MotionMode.Arm:
                try
                {
                    // Items are solid to the arm (the main job runs with item contact): sweeps, flips, stacks and
                    // insertions feel the items of the world's pod, which slide once pushed past their friction
                    // (SimPodContactGeometry); the world's outcome model still decides what a completed primitive did to them.
                    var arm = new SimArmMotion(world, context.Clock, new SimArmMotionOptions
                    {
                        Seed = o.Seed,
                        RateHz = o.Motion.RateHz,
                        ItemContact = true,
                        ApplyToWorld = true,
                        LiveSimConfigPath = string.IsNullOrEmpty(o.Motion.Hardware) ? null : Path.GetFullPath(Path.Combine(context.RepoRoot, o.Motion.Hardware)),
                    });
                    if (o.Motion.BeltJamAtStow > 0)
                    {
                        arm.InjectBeltJamAt(o.Motion.BeltJamAtStow);
                    }

                    if (o.Motion.EStopAtStow > 0)
                    {
                        arm.InjectEStopAt(o.Motion.EStopAtStow);
                    }

                    if (o.Motion.HeartbeatLossAtStow > 0)
                    {
                        arm.InjectHeartbeatLossAt(o.Motion.HeartbeatLossAtStow);
                    }

                    return arm;
                }
                catch (Exception e) when (e is InvalidOperationException or FormatException)
                {
                    throw new ShiftSetupException($"simulated hardware did not come up: {e.Message}", e);
                }

            default:
                throw new ShiftSetupException($"unknown motion mode {o.Motion.Mode}");
        }
    }

    /// <summary>Stops the simulated operator on dispose.</summary>
    private sealed class OperatorHandle(SimulatedOperator op) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => op.DisposeAsync();
    }
}
