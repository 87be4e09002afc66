using Stow.Core.Outcomes;
using Stow.Cell.Shift;
using Stow.Core.Pods;
using Stow.Core.Time;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Management;
using Stow.Hardware.Safety;
using Stow.Hardware.Ur;
using Stow.Motion.Loop;
using Stow.Motion.Primitives;
using Stow.Sim.Devices;
using Stow.Sim.Devices.Contact;
using Stow.Sim.Devices.Eoat;
using Stow.Sim.Devices.Safety;
using Stow.Sim.Emulators;
using Stow.Sim.World;
using Stow.Sim.Cell.World;

namespace Stow.Sim.Cell.Motion;

/// <summary>
/// Stow motion on the arm simulator: a seeded <see cref="SimCell"/> whose contact geometry is the world's pod at
/// the station (re-pointed on <see cref="SimShiftWorld.PodArrived"/>), the simulated hardware brought up from
/// configuration, a <see cref="ControlLoop"/> paced by a <see cref="VirtualClockPacer"/> on the shift's clock, and
/// a <see cref="MotionRunner"/>. <see cref="Execute"/> builds a <see cref="StowPlan"/>, loads the item into the
/// EOAT and steps the loop synchronously until the sequence ends, so the shift's simulated clock advances by
/// the time the sequence takes. After a failure it retracts and releases the bands (primitives never leave the
/// bands engaged). Deterministic for (world, seed).
/// Threading: the shift thread only (the loop runs synchronously on it). Lifecycle: hardware is brought up in the
/// constructor and shut down by <see cref="Dispose"/>.
/// </summary>
public sealed class SimArmMotion : IShiftMotion, IDisposable
{
    private readonly SimShiftWorld _world;
    private readonly VirtualClock _clock;
    private readonly SimCell _cell;
    private readonly HardwareManager _hardware;
    private readonly SimEoat _eoat;
    private readonly ISafety _safety;
    private readonly MotionRunner _runner;
    private readonly ControlLoop _loop;
    private readonly LoopJitterRecorder _jitter;
    private readonly Func<bool> _done;
    private readonly HashSet<int> _jamAt = [];
    private readonly HashSet<int> _eStopAt = [];
    private readonly HashSet<int> _heartbeatLossAt = [];
    private readonly StaticContactGeometry _structure;
    private readonly LiveSimRig? _rig;
    private readonly UrArm? _liveArm;
    private BinSpec? _lastBin;
    private (double Length, double Width, double Mass)? _lastLoad;
    private int _stowIndex;
    private bool _disposed;

    /// <summary>Builds the simulated cell and brings its hardware up (configure + activate).</summary>
    /// <param name="world">The shift's world (pod at the station, bin geometry, lateral positions).</param>
    /// <param name="clock">The shift's clock; the loop advances it by one period per cycle.</param>
    /// <param name="options">Settings (null: defaults).</param>
    /// <exception cref="InvalidOperationException">Bring-up failed; the message names the components and results.</exception>
    public SimArmMotion(SimShiftWorld world, VirtualClock clock, SimArmMotionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(clock);
        Options = options ?? new SimArmMotionOptions();
        _world = world;
        _clock = clock;
        _structure = StructureOf(world.PodType);
        _cell = new SimCell(Options.Seed, Options.ItemContact ? new SimPodContactGeometry(world.Current) : _structure) { Bins = world.PodType.Bins };
        world.PodArrived += OnPodArrived;
        world.Applied += OnApplied;
        if (Options.LiveSimConfigPath is { } live)
        {
            try
            {
                _rig = LiveSimRig.StartFromFile(live, _cell, deviceDirectory: null, selfStepping: false);
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                world.PodArrived -= OnPodArrived;
                throw new InvalidOperationException($"live-sim rig '{live}' did not start: {e.Message}", e);
            }

            _hardware = _rig.Hardware;
        }
        else
        {
            _hardware = SimHardware.BuildManager(Options.HardwareConfigJson, _cell);
        }

        try
        {
            var report = _hardware.Bringup();
            if (!report.Succeeded)
            {
                throw new HardwareBringupException(report);
            }

            _eoat = _rig is null
                ? _hardware.Get<SimEoat>("eoat")
                : (_rig.Emulators.TryGetValue("eoat", out var emulator) && emulator is EoatEmulator e ? e.Device : null)
                    ?? throw new InvalidOperationException("live-sim configuration has no modbus.eoat component named 'eoat'");
        }
        catch
        {
            world.PodArrived -= OnPodArrived;
            _hardware.ShutdownAll();
            _rig?.Dispose();
            throw;
        }

        _safety = _hardware.Get<ISafety>("safety");
        var context = new MotionContext(_hardware.Get<Stow.Hardware.Arm.IArm>("arm"), _hardware.Get<Stow.Hardware.Eoat.IEoat>("eoat"),
            _hardware.Get<Stow.Hardware.BandSeparator.IBandSeparator>("band_separator"), _safety);
        _runner = new MotionRunner(context);
        var loopOptions = new ControlLoopOptions { RateHz = Options.RateHz };

        // A live arm (ur.arm over RTDE) moves on the wall clock: the loop waits for the controller's packages and the
        // shift's clock follows the wall time; otherwise the loop runs on simulated time as fast as it can.
        _liveArm = _hardware.Get<Stow.Hardware.Arm.IArm>("arm") as UrArm;
        ILoopPacer pacer = _liveArm is null ? new VirtualClockPacer(clock) : new UrStatePacer(clock, _liveArm);
        _loop = new ControlLoop(_hardware, clock, pacer, loopOptions);
        _jitter = new LoopJitterRecorder(loopOptions.Period);
        if (_rig is not null)
        {
            // The emulated devices move on the shift's clock: stepped once per cycle, before the runner commands them
            // (the drivers see the stepped state on the next cycle's Read, one period late, as on a real line).
            _loop.Add(new RigStepper(_rig));
        }

        _loop.Add(_runner);
        _loop.Add(_jitter);
        _done = () => _runner.Poll().Status != ActionStatus.Running;
    }

    /// <summary>Settings in force.</summary>
    public SimArmMotionOptions Options { get; }

    /// <summary>The live-sim rig when the hardware runs through drivers and emulators, else null (fault injection in tests:
    /// dispose one of its <see cref="LiveSimRig.UrControllers"/> to kill the arm's controller).</summary>
    public LiveSimRig? Rig => _rig;

    /// <summary>The simulated cell (shared device state, fault-free inspection for tests).</summary>
    public SimCell Cell => _cell;

    /// <summary>Number of <see cref="Execute"/> calls so far.</summary>
    public int StowCount => _stowIndex;

    /// <summary>The loop's timing statistics (period jitter on the virtual clock, ≈ 0; body times on the wall clock).</summary>
    public CycleStatisticsSnapshot LoopStatistics => _loop.Statistics.Snapshot();

    /// <inheritdoc />
    public double JitterP99Ms => _loop.Statistics.Snapshot().JitterP99 * 1000;

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
        _ = SimSafetyDevice ?? throw new InvalidOperationException("heartbeat loss can only be injected on the simulated safety controller");
        _heartbeatLossAt.Add(stowIndex);
    }

    private SimSafety? SimSafetyDevice => _safety as SimSafety;

    /// <inheritdoc />
    public MotionReport Execute(StowAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _stowIndex++;
        if (_jamAt.Remove(_stowIndex))
        {
            _eoat.Faults.BeltJam = true;
        }

        var (plan, feedLength, width) = SimStowPlanBuilder.Build(_world, action, Options.Limits);
        _lastLoad = (feedLength, width, action.Item.Mass);
        var sequence = StowSequence.Create(plan);
        _lastBin = plan.Bin;
        var t0 = _clock.Now;
        Resume();
        if (Options.InductPose is { } induct)
        {
            // The arm carries the open paddles to the induct, where the item is taken between them (the simulated induct
            // hands it over); the approach then carries it to the bin.
            var pick = Run(new PickAction(induct, plan.EffectiveLimits));
            if (pick.Status != ActionStatus.Succeeded)
            {
                var why = SafetyStopReason();
                return new MotionReport(false, _clock.Now - t0, $"pick: {why ?? ReasonText(pick.Status == ActionStatus.Running ? FailureReason.Timeout : pick.Reason, "pick")}",
                    NeedsOperator: true, SafetyStop: why is not null);
            }
        }

        _eoat.LoadItem(feedLength, width, action.Item.Mass);
        if (_eStopAt.Remove(_stowIndex))
        {
            _cell.EStopPressed = true;
        }

        if (_heartbeatLossAt.Remove(_stowIndex))
        {
            SimSafetyDevice!.Faults.DropCommands = true;
        }

        var result = Run(sequence);
        if (result.Status == ActionStatus.Succeeded)
        {
            return new MotionReport(true, _clock.Now - t0, null, false);
        }

        if (SafetyStopReason() is { } safety)
        {
            // Everything halted; no recovery motion while the safety chain is open (the operator clears it).
            return new MotionReport(false, _clock.Now - t0, $"{sequence.FailedStep ?? "stow"}: {safety}", NeedsOperator: true, SafetyStop: true);
        }

        var step = result.Status == ActionStatus.Running ? sequence.Current?.Name ?? "stow" : sequence.FailedStep;
        var reason = result.Status == ActionStatus.Running ? FailureReason.Timeout : result.Reason;
        var needsOperator = reason is FailureReason.ItemNotDetected or FailureReason.HardwareFault
            || (step == "insertion" && reason == FailureReason.Stall)
            || (_liveArm is { IsReadable: true } && _liveArm.State.ProtectiveStop);
        var text = $"{step}: {ReasonText(reason, step)}";
        var recovery = Recover(plan.Bin, plan.EffectiveLimits);
        if (recovery is not null)
        {
            // The arm could not be brought back to a safe pose with the bands released: an operator must look.
            text += $"; recovery {recovery}";
            needsOperator = true;
        }

        return new MotionReport(false, _clock.Now - t0, text, needsOperator);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Clears the belt-jam knob, takes the held item out (the operator removes it), resets a protective stop,
    /// re-activates components that went down their error path, and, standing in for the operator jogging the arm
    /// clear, retracts and releases the bands of the last bin with the pod's items out of the contact geometry.
    /// </remarks>
    public void ClearFault()
    {
        _eoat.Faults.BeltJam = false;
        _cell.EStopPressed = false;
        if (SimSafetyDevice is { } simSafety)
        {
            simSafety.Faults.DropCommands = false;
        }

        _cell.HeldItem = null;
        _safety.RequestReset();
        foreach (var c in _hardware.Components)
        {
            if (c.LifecycleState == LifecycleState.Unconfigured && c.Configure() != CallbackReturn.Success)
            {
                continue;
            }

            if (c.LifecycleState == LifecycleState.Inactive)
            {
                c.Activate();
            }
        }

        var contact = _cell.Geometry;
        _cell.Geometry = _structure;
        if (_liveArm is { IsActive: true } && _liveArm.State.ProtectiveStop)
        {
            // The operator's recovery of the controller (unlock, restart the program), with the pod's items out of the
            // contact geometry as for the jog below. If it fails, the next stow finds the arm stopped and holds again.
            _liveArm.Recover(out _);
        }

        _cell.Geometry = contact;
        if (_lastBin is not null)
        {
            var geometry = _cell.Geometry;
            _cell.Geometry = _structure;
            Resume();
            Recover(_lastBin, Options.Limits);
            _cell.Geometry = geometry;
        }
    }

    /// <inheritdoc />
    /// <remarks>Configures and activates every component not yet Active (after an abort took some down), then runs two idle cycles.</remarks>
    public bool BringUp()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var ok = true;
        foreach (var c in _hardware.Components)
        {
            if (c.LifecycleState == LifecycleState.Unconfigured && c.Configure() != CallbackReturn.Success)
            {
                ok = false;
                continue;
            }

            if (c.LifecycleState == LifecycleState.Inactive && c.Activate() != CallbackReturn.Success)
            {
                ok = false;
            }
        }

        Resume();
        return ok && _hardware.Components.All(c => c.LifecycleState == LifecycleState.Active);
    }

    /// <inheritdoc />
    /// <remarks>Runs one control cycle and reads the EOAT's rear and front beams.</remarks>
    public bool ItemInPaddles()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _loop.RunCycles(1);
        return _runner.Context.Eoat.State.ItemPresent;
    }

    /// <inheritdoc />
    public IReadOnlyList<double> JitterSamplesMs() => _jitter.CopyMs();

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
        _loop.Dispose();
        _hardware.ShutdownAll();
        _rig?.Dispose();
    }

    /// <summary>Why the safety controller stopped motion (e-stop, safety heartbeat lost), or null when it did not.</summary>
    private string? SafetyStopReason()
    {
        var state = _safety.State;
        if (_cell.EStopPressed || !state.EStopChainClosed || (_liveArm is { IsReadable: true } && _liveArm.State.EmergencyStop))
        {
            return "e-stop";
        }

        return state.HeartbeatOk ? null : "safety heartbeat lost";
    }

    private static string ReasonText(FailureReason reason, string step) => reason switch
    {
        FailureReason.Stall when step == "insertion" => "belt jam (stall)",
        FailureReason.Stall => "stall",
        FailureReason.ForceLimit => "force limit",
        FailureReason.Timeout => "timeout",
        FailureReason.ItemNotDetected => "item not detected",
        FailureReason.Halted => "halted",
        FailureReason.HardwareFault => "hardware fault",
        _ => reason.ToString(),
    };

    private static StaticContactGeometry StructureOf(PodType type)
    {
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

    /// <summary>
    /// Runs two idle cycles after the shift's clock moved on outside the loop (perception, pod swap): the first
    /// sees the idle gap (safety heartbeat stale), the second a normal period, so motion starts with a fresh heartbeat.
    /// </summary>
    private void Resume()
    {
        _jitter.SkipNext();
        _loop.RunCycles(2);
    }

    private ActionResult Run(IMotionAction action)
    {
        if (!_runner.Start(action))
        {
            return ActionResult.Failed(FailureReason.HardwareFault);
        }

        var maxCycles = (int)Math.Ceiling(Options.TimeLimitSeconds * Options.RateHz);
        _loop.RunUntil(_done, maxCycles);
        var r = _runner.Poll();
        if (r.Status == ActionStatus.Running)
        {
            _runner.Halt();
            _loop.RunUntil(_done, 10);
            return ActionResult.Running;
        }

        return r;
    }

    /// <summary>Retract and release the bands after a failed step.</summary>
    /// <returns>Null when the arm ended safe; otherwise "step: reason" of the recovery failure.</returns>
    private string? Recover(BinSpec bin, PrimitiveLimits limits)
    {
        if (!_runner.Context.HardwareReady)
        {
            return "skipped: hardware fault";
        }

        _runner.Context.Eoat.CommandBelts(0, 0);
        var recovery = new StowSequence([new RetractAction(bin, limits), new ReleaseBandsAction(limits)]);
        var r = Run(recovery);
        return r.Status == ActionStatus.Succeeded ? null : $"{recovery.FailedStep}: {ReasonText(r.Reason, recovery.FailedStep)}";
    }

    /// <summary>Steps the live-sim rig's emulated devices once per control cycle.</summary>
    private sealed class RigStepper(LiveSimRig rig) : IController
    {
        public void Update(double time, double period) => rig.Step(time, period);
    }
}
