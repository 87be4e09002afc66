using Stow.Cell.Shift;
using Stow.Core.Pods;
using Stow.Core.Time;
using Stow.Hardware.Arm;
using Stow.Hardware.BandSeparator;
using Stow.Hardware.Eoat;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Management;
using Stow.Hardware.Safety;
using Stow.Hardware.Ur;
using Stow.Motion.Loop;
using Stow.Motion.Primitives;

namespace Stow.Cell.Execution;

/// <summary>
/// Stow execution on the HAL: the hardware (components <c>arm</c>, <c>eoat</c>, <c>band_separator</c>, <c>safety</c>,
/// any others read each cycle) brought up from a <see cref="HardwareManager"/>, a <see cref="ControlLoop"/> and a
/// <see cref="MotionRunner"/>. <see cref="Execute"/> builds the <see cref="StowPlan"/> from the action and the bin
/// geometry (<see cref="StowPlanBuilder"/>), picks the item at the induct, runs the sequence to its end, and after a
/// failure retracts and releases the bands (primitives never leave the bands engaged). The loop is paced by the
/// controller's 500 Hz RTDE states when the arm is a live <see cref="UrArm"/> (<see cref="UrStatePacer"/>: the shift's
/// clock follows the wall clock and <see cref="Pacing"/> is <see cref="LoopPacing.WallClock"/>), else it steps the
/// shift's virtual clock one period per cycle (<see cref="VirtualClockPacer"/>). A backend adds what it needs around
/// the sequence through <see cref="IStowMotionHooks"/> (the simulator: item hand-over, faults, contact geometry).
/// Threading: the shift thread only (the loop runs synchronously on it). Lifecycle: hardware is brought up in the
/// constructor and shut down by <see cref="Dispose"/>.
/// </summary>
public sealed class HalStowMotion : IShiftMotion, IDisposable
{
    private readonly VirtualClock _clock;
    private readonly PodType _podType;
    private readonly HardwareManager _hardware;
    private readonly IStowMotionHooks? _hooks;
    private readonly ISafety _safety;
    private readonly MotionRunner _runner;
    private readonly ControlLoop _loop;
    private readonly LoopJitterRecorder _jitter;
    private readonly Func<bool> _done;
    private readonly FeedSensingRecorder _feed;
    private StowSequence? _sequence;
    private readonly UrArm? _liveArm;
    private BinSpec? _lastBin;
    private int _stowIndex;
    private bool _disposed;
    private long _motionCycles;
    private long _motionTicks;

    /// <summary>Brings the hardware up (configure + activate) and builds the loop.</summary>
    /// <param name="hardware">The cell's components, Unconfigured; owned from here on (shut down by <see cref="Dispose"/>).</param>
    /// <param name="clock">The shift's clock: stepped one period per cycle, or following the wall clock on a live arm.</param>
    /// <param name="podType">The pod type at the station (bin geometry for the plans).</param>
    /// <param name="options">Settings (null: defaults).</param>
    /// <param name="hooks">The backend's additions around a stow, or null (a live cell).</param>
    /// <param name="deviceStepper">A controller run first in every cycle (the simulator steps emulated devices), or null.</param>
    /// <exception cref="HardwareBringupException">Bring-up failed; the message names the components and results (the
    /// hardware is shut down again).</exception>
    /// <exception cref="InvalidOperationException">A required component is missing or of the wrong kind.</exception>
    public HalStowMotion(HardwareManager hardware, VirtualClock clock, PodType podType, HalStowMotionOptions? options = null,
        IStowMotionHooks? hooks = null, IController? deviceStepper = null)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(podType);
        Options = options ?? new HalStowMotionOptions();
        _hardware = hardware;
        _clock = clock;
        _podType = podType;
        _hooks = hooks;
        try
        {
            var report = _hardware.Bringup();
            if (!report.Succeeded)
            {
                throw new HardwareBringupException(report);
            }

            _safety = _hardware.Get<ISafety>("safety");
            var arm = _hardware.Get<IArm>("arm");
            var context = new MotionContext(arm, _hardware.Get<IEoat>("eoat"), _hardware.Get<IBandSeparator>("band_separator"), _safety);
            _runner = new MotionRunner(context);
            _feed = new FeedSensingRecorder(arm, context.Eoat, () => _sequence?.Current?.Name == "insertion");
            var loopOptions = new ControlLoopOptions { RateHz = Options.RateHz };
            _liveArm = arm as UrArm;
            ILoopPacer pacer = _liveArm is null ? new VirtualClockPacer(clock) : new UrStatePacer(clock, _liveArm);
            _loop = new ControlLoop(_hardware, clock, pacer, loopOptions);
            _jitter = new LoopJitterRecorder(loopOptions.Period);
        }
        catch
        {
            _hardware.ShutdownAll();
            throw;
        }

        if (deviceStepper is not null)
        {
            // Emulated devices move on the shift's clock: stepped once per cycle, before the runner commands them.
            _loop.Add(deviceStepper);
        }

        _loop.Add(_runner);
        _loop.Add(_jitter);
        _loop.Add(_feed);
        _done = () => _runner.Poll().Status != ActionStatus.Running;
    }

    /// <summary>Settings in force.</summary>
    public HalStowMotionOptions Options { get; }

    /// <summary>The hardware (for inspection; the loop owns its cycle).</summary>
    public HardwareManager Hardware => _hardware;

    /// <summary>The live arm when the arm is driven over RTDE, else null.</summary>
    public UrArm? LiveArm => _liveArm;

    /// <summary>Number of <see cref="Execute"/> calls so far.</summary>
    public int StowCount => _stowIndex;

    /// <summary>The loop's timing statistics (period jitter: ≈ 0 on the virtual clock, real on a live arm).</summary>
    public CycleStatisticsSnapshot LoopStatistics => _loop.Statistics.Snapshot();

    /// <inheritdoc />
    public double JitterP99Ms => _loop.Statistics.Snapshot().JitterP99 * 1000;

    /// <inheritdoc />
    public LoopPacing Pacing => _liveArm is null ? LoopPacing.VirtualClock : LoopPacing.WallClock;

    /// <inheritdoc />
    /// <remarks>
    /// Cycles run by the motions (picks, stow sequences, recoveries) divided by the wall time [s] those runs took
    /// (<see cref="System.Diagnostics.Stopwatch"/>): the loop's real rate while it moves the arm, idle cycles between stows
    /// excluded; null before the first motion. On a live arm about 500 Hz when every cycle keeps up with the controller's
    /// RTDE states; on the virtual clock it is how fast the host computes cycles, not a rate of the cell.
    /// </remarks>
    public double? LoopRateHz => _motionTicks > 0 ? _motionCycles / ((double)_motionTicks / System.Diagnostics.Stopwatch.Frequency) : null;

    /// <inheritdoc />
    public MotionReport Execute(StowAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _stowIndex++;
        _hooks?.StowStarting(_stowIndex);
        var plan = StowPlanBuilder.Build(_podType, action, Options.Limits);
        var sequence = StowSequence.Create(plan);
        _sequence = null;
        _feed.Reset();
        _lastBin = plan.Bin;
        var t0 = _clock.Now;
        Resume();
        if (Options.InductPose is { } induct)
        {
            // The arm carries the open paddles to the induct, where the item is taken between them; the approach then
            // carries it to the bin.
            var pick = Run(new PickAction(induct, plan.EffectiveLimits));
            if (pick.Status != ActionStatus.Succeeded)
            {
                var why = SafetyStopReason();
                return new MotionReport(false, _clock.Now - t0, $"pick: {why ?? ReasonText(pick.Status == ActionStatus.Running ? FailureReason.Timeout : pick.Reason, "pick")}",
                    NeedsOperator: true, SafetyStop: why is not null);
            }
        }

        _hooks?.ItemPicked(action, _stowIndex);
        _sequence = sequence;
        var result = Run(sequence);
        _sequence = null;
        var limits = plan.EffectiveLimits;
        var feed = _feed.Snapshot(limits.JamCurrent, limits.ContactForceLimit);
        if (result.Status == ActionStatus.Succeeded)
        {
            _hooks?.ItemReleased(action, _stowIndex);
            return new MotionReport(true, _clock.Now - t0, null, false, Feed: feed);
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
        var text = $"{step}: {ReasonText(reason, step)}{SegmentDetail(sequence, step)}";
        var recovery = Recover(plan.Bin, plan.EffectiveLimits);
        if (recovery is not null)
        {
            // The arm could not be brought back to a safe pose with the bands released: an operator must look.
            text += $"; recovery {recovery}";
            needsOperator = true;
        }

        return new MotionReport(false, _clock.Now - t0, text, needsOperator, Feed: feed);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Lets the backend undo its latches, resets a protective stop, re-activates components that went down their error
    /// path, recovers a live arm's controller from a protective stop, and, standing in for the operator jogging the arm
    /// clear, retracts and releases the bands of the last bin (touching the pod's structure only, where the backend
    /// models contact).
    /// </remarks>
    public void ClearFault()
    {
        _hooks?.FaultCleared();
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

        if (_liveArm is { IsActive: true } && _liveArm.State.ProtectiveStop)
        {
            // The operator's recovery of the controller (unlock, restart the program). If it fails, the next stow finds
            // the arm stopped and holds again.
            using (_hooks?.StructureOnly())
            {
                _liveArm.Recover(out _);
            }
        }

        if (_lastBin is not null)
        {
            using (_hooks?.StructureOnly())
            {
                Resume();
                Recover(_lastBin, Options.Limits);
            }
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

    /// <summary>Runs <paramref name="cycles"/> control cycles (idle unless an action runs).</summary>
    /// <param name="cycles">Number of cycles, ≥ 0.</param>
    public void RunCycles(int cycles)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _loop.RunCycles(cycles);
    }

    /// <summary>Stops the loop and shuts the hardware down.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _loop.Dispose();
        _hardware.ShutdownAll();
    }

    /// <summary>Why motion was stopped by safety (e-stop, safety heartbeat lost), or null when it was not.</summary>
    private string? SafetyStopReason()
    {
        var state = _safety.State;
        if (_hooks is { EStopPressed: true } || !state.EStopChainClosed || (_liveArm is { IsReadable: true } && _liveArm.State.EmergencyStop))
        {
            return "e-stop";
        }

        return state.HeartbeatOk ? null : "safety heartbeat lost";
    }

    /// <summary>
    /// Which segment of the failed step stopped and the contact force then, e.g. <c> (spatula, segment 1, 41 N)</c>, for
    /// the operator and the log; empty when the step is not segmented.
    /// </summary>
    private string SegmentDetail(StowSequence sequence, string? step)
    {
        var failed = sequence.Steps.FirstOrDefault(s => s.Name == step) as SegmentedAction;
        return failed is null
            ? string.Empty
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $" ({failed.CurrentSegmentKind.ToString().ToLowerInvariant()}, segment {failed.SegmentIndex}, {_hardware.Get<IArm>("arm").State.TcpWrench.Force.Length:F0} N)");
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

    /// <summary>
    /// Runs two idle cycles after the shift's clock moved on outside the loop (perception, pod swap): the first sees the
    /// idle gap (safety heartbeat stale), the second a normal period, so motion starts with a fresh heartbeat.
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
        var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        _motionCycles += _loop.RunUntil(_done, maxCycles);
        _motionTicks += System.Diagnostics.Stopwatch.GetTimestamp() - t0;
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
}
