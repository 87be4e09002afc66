using Stow.Cell.Execution;
using Stow.Cell.Shift;
using Stow.Core.Outcomes;
using Stow.Core.Pods;
using Stow.Core.Time;
using Stow.Hardware.Management;
using Stow.Hardware.Safety;
using Stow.Motion.Loop;
using Stow.Sim.Devices;
using Stow.Sim.Devices.Contact;
using Stow.Sim.Devices.Eoat;
using Stow.Sim.Devices.Safety;
using Stow.Sim.Emulators;
using Stow.Sim.World;
using Stow.Sim.Cell.World;

namespace Stow.Sim.Cell.Motion;

/// <summary>
/// Stow motion on the arm simulator: the cell's own <see cref="HalStowMotion"/> (bring-up, control loop, motion runner,
/// plans, recovery) over simulated hardware, plus what only a simulator has (<see cref="IStowMotionHooks"/>): a seeded
/// <see cref="SimCell"/> whose contact geometry is the world's pod at the station (re-pointed on
/// <see cref="SimShiftWorld.PodArrived"/>), the item handed into the EOAT at the induct (the physical item, not the
/// measured one), an item that did not go in put back between the paddles, and fault injection (belt jam, e-stop,
/// safety heartbeat loss). With <see cref="SimArmMotionOptions.LiveSimConfigPath"/> the hardware is the real drivers
/// talking to emulators in this process (<see cref="LiveSimRig"/>), stepped once per control cycle.
/// Deterministic for (world, seed) on the virtual clock.
/// Threading: the shift thread only. Lifecycle: hardware is brought up in the constructor and shut down by <see cref="Dispose"/>.
/// </summary>
public sealed class SimArmMotion : IShiftMotion, IDisposable
{
    private readonly SimShiftWorld _world;
    private readonly SimCell _cell;
    private readonly SimEoat _eoat;
    private readonly HalStowMotion _motion;
    private readonly Hooks _hooks;
    private readonly HashSet<int> _jamAt = [];
    private readonly HashSet<int> _eStopAt = [];
    private readonly HashSet<int> _heartbeatLossAt = [];
    private readonly StaticContactGeometry _structure;
    private readonly LiveSimRig? _rig;
    private readonly ISafety _safety;
    private (double Length, double Width, double Mass)? _lastLoad;
    private bool _disposed;

    /// <summary>Builds the simulated cell and brings its hardware up (configure + activate).</summary>
    /// <param name="world">The shift's world (pod at the station, bin geometry, physical items).</param>
    /// <param name="clock">The shift's clock; the loop advances it by one period per cycle.</param>
    /// <param name="options">Settings (null: defaults).</param>
    /// <exception cref="InvalidOperationException">Bring-up failed; the message names the components and results.</exception>
    public SimArmMotion(SimShiftWorld world, VirtualClock clock, SimArmMotionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(clock);
        Options = options ?? new SimArmMotionOptions();
        _world = world;
        _structure = StructureOf(world.PodType);
        _cell = new SimCell(Options.Seed, Options.ItemContact ? new SimPodContactGeometry(world.Current) : _structure) { Bins = world.PodType.Bins };
        _hooks = new Hooks(this);
        HardwareManager hardware;
        if (Options.LiveSimConfigPath is { } live)
        {
            try
            {
                _rig = LiveSimRig.StartFromFile(live, _cell, deviceDirectory: null, selfStepping: false);
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                throw new InvalidOperationException($"live-sim rig '{live}' did not start: {e.Message}", e);
            }

            hardware = _rig.Hardware;
        }
        else
        {
            hardware = SimHardware.BuildManager(Options.HardwareConfigJson, _cell);
        }

        try
        {
            _motion = new HalStowMotion(hardware, clock, world.PodType, new HalStowMotionOptions
            {
                InductPose = Options.InductPose,
                RateHz = Options.RateHz,
                TimeLimitSeconds = Options.TimeLimitSeconds,
                Limits = Options.Limits,
            }, _hooks, _rig is null ? null : new RigStepper(_rig));
            _eoat = _rig is null
                ? hardware.Get<SimEoat>("eoat")
                : (_rig.Emulators.TryGetValue("eoat", out var emulator) && emulator is EoatEmulator e ? e.Device : null)
                    ?? throw new InvalidOperationException("live-sim configuration has no modbus.eoat component named 'eoat'");
        }
        catch
        {
            hardware.ShutdownAll();
            _rig?.Dispose();
            throw;
        }

        _safety = hardware.Get<ISafety>("safety");
        world.PodArrived += OnPodArrived;
        world.Applied += OnApplied;
    }

    /// <summary>Settings in force.</summary>
    public SimArmMotionOptions Options { get; }

    /// <summary>The live-sim rig when the hardware runs through drivers and emulators, else null (fault injection in tests:
    /// dispose one of its <see cref="LiveSimRig.UrControllers"/> to kill the arm's controller).</summary>
    public LiveSimRig? Rig => _rig;

    /// <summary>The simulated cell (shared device state, fault-free inspection for tests).</summary>
    public SimCell Cell => _cell;

    /// <summary>The cell's stow execution this wraps.</summary>
    public HalStowMotion Execution => _motion;

    /// <summary>Number of <see cref="Execute"/> calls so far.</summary>
    public int StowCount => _motion.StowCount;

    /// <summary>The loop's timing statistics (period jitter on the virtual clock, ≈ 0; body times on the wall clock).</summary>
    public CycleStatisticsSnapshot LoopStatistics => _motion.LoopStatistics;

    /// <inheritdoc />
    public double JitterP99Ms => _motion.JitterP99Ms;

    /// <inheritdoc />
    public LoopPacing Pacing => _motion.Pacing;

    /// <summary>Injects a belt jam that starts with the <paramref name="stowIndex"/>-th stow (1-based) and latches until <see cref="ClearFault"/>.</summary>
    /// <param name="stowIndex">1-based index of the stow, counting every <see cref="Execute"/> call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stowIndex"/> &lt; 1.</exception>
    public void InjectBeltJamAt(int stowIndex)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stowIndex, 1);
        _jamAt.Add(stowIndex);
    }

    /// <summary>Presses the simulated e-stop as the <paramref name="stowIndex"/>-th (1-based) stow starts; it stays pressed until <see cref="ClearFault"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stowIndex"/> is below 1.</exception>
    public void InjectEStopAt(int stowIndex)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stowIndex, 1);
        _eStopAt.Add(stowIndex);
    }

    /// <summary>
    /// Stops the host's heartbeat to the safety controller as the <paramref name="stowIndex"/>-th (1-based) stow starts
    /// (the simulated safety controller's writes are dropped, so it times out after its heartbeat timeout and opens the
    /// safety chain); it stays lost until <see cref="ClearFault"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stowIndex"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException">The safety controller is not a simulated one (live-sim hardware).</exception>
    public void InjectHeartbeatLossAt(int stowIndex)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stowIndex, 1);
        _ = _safety as SimSafety ?? throw new InvalidOperationException("heartbeat loss can only be injected on the simulated safety controller");
        _heartbeatLossAt.Add(stowIndex);
    }

    /// <inheritdoc />
    public MotionReport Execute(StowAction action)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _motion.Execute(action);
    }

    /// <inheritdoc />
    public void ClearFault() => _motion.ClearFault();

    /// <inheritdoc />
    public bool BringUp()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _motion.BringUp();
    }

    /// <inheritdoc />
    public bool ItemInPaddles()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _motion.ItemInPaddles();
    }

    /// <inheritdoc />
    public IReadOnlyList<double> JitterSamplesMs() => _motion.JitterSamplesMs();

    /// <inheritdoc />
    public double? LoopRateHz => _motion.LoopRateHz;

    /// <summary>Shuts the simulated hardware down and detaches from the world.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _world.PodArrived -= OnPodArrived;
        _world.Applied -= OnApplied;
        _motion.Dispose();
        _rig?.Dispose();
    }

    /// <summary>The bin structure of a pod type (floors, ceilings, side walls, backs of every bin) as contact geometry.</summary>
    /// <param name="type">The pod type.</param>
    /// <returns>The geometry.</returns>
    public static StaticContactGeometry StructureOf(PodType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var g = new StaticContactGeometry();
        foreach (var bin in type.Bins)
        {
            for (var w = 0; w < 5; w++)
            {
                g.AddWall(SimPod.ToPodFace(bin, SimPod.Wall(bin, w)));
            }
        }

        return g;
    }

    /// <summary>An item the world did not take (it did not go in) is still between the paddles: the beams see it.</summary>
    private void OnApplied(object? sender, WorldOutcome truth)
    {
        if (truth.Kind == StowOutcome.Unproductive && _lastLoad is var (length, width, mass))
        {
            _eoat.LoadItem(length, width, mass);
        }
    }

    private void OnPodArrived(object? sender, SimPod pod)
    {
        if (Options.ItemContact)
        {
            _cell.Geometry = new SimPodContactGeometry(pod);
        }
    }

    /// <summary>The simulator's side of a stow: hand-over at the induct, fault knobs, contact geometry.</summary>
    private sealed class Hooks(SimArmMotion owner) : IStowMotionHooks
    {
        public bool EStopPressed => owner._cell.EStopPressed;

        public void StowStarting(int stowIndex)
        {
            if (owner._jamAt.Remove(stowIndex))
            {
                owner._eoat.Faults.BeltJam = true;
            }

            // Items the last stow's tool slid stand where the world now has them (its chain model moved them).
            (owner._cell.Geometry as SimPodContactGeometry)?.Reset();
        }

        /// <summary>The world takes the released item with its outcome model (an item it did not take stays in the paddles).</summary>
        public void ItemReleased(StowAction action, int stowIndex)
        {
            if (owner.Options.ApplyToWorld)
            {
                owner._world.Apply(action);
            }
        }

        public void ItemPicked(StowAction action, int stowIndex)
        {
            // The simulated induct hands over the physical item (the cell planned with its measurement).
            var request = owner._world.Request(action);
            var physical = ItemOrientations.Size(request.Item.Dimensions, request.Orientation);
            owner._lastLoad = (physical.X, physical.Y, action.Item.Mass);
            owner._eoat.LoadItem(physical.X, physical.Y, action.Item.Mass);
            if (owner._eStopAt.Remove(stowIndex))
            {
                owner._cell.EStopPressed = true;
            }

            if (owner._heartbeatLossAt.Remove(stowIndex))
            {
                ((SimSafety)owner._safety).Faults.DropCommands = true;
            }
        }

        public void FaultCleared()
        {
            owner._eoat.Faults.BeltJam = false;
            owner._cell.EStopPressed = false;
            if (owner._safety is SimSafety simSafety)
            {
                simSafety.Faults.DropCommands = false;
            }

            owner._cell.HeldItem = null;
        }

        public IDisposable? StructureOnly()
        {
            var contact = owner._cell.Geometry;
            owner._cell.Geometry = owner._structure;
            return new Restore(owner._cell, contact);
        }
    }

    private sealed class Restore(SimCell cell, Stow.Sim.Devices.Contact.IContactGeometry geometry) : IDisposable
    {
        public void Dispose() => cell.Geometry = geometry;
    }

    /// <summary>Steps the live-sim rig's emulated devices once per control cycle.</summary>
    private sealed class RigStepper(LiveSimRig rig) : IController
    {
        public void Update(double time, double period) => rig.Step(time, period);
    }
}
