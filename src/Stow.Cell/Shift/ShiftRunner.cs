using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Stow.Cell.PackML;
using Stow.Cell.Outcomes;
using Stow.Cell.Reporting;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Space;
using Stow.Core.Time;

namespace Stow.Cell.Shift;

/// <summary>
/// Runs a stow shift inside PackML Execute: perceive → decide → act → record → re-perceive the
/// touched bin, with pod swaps and an empty buffer (Suspended), operator-cleared faults (Held), safety stops
/// (Aborted) and the exception path.
/// Every inducted item ends in exactly one journalled place. Single-threaded: <see cref="Run"/> blocks
/// the calling thread; cancellation is honoured between stows (the current stow always finishes).
/// </summary>
public sealed partial class ShiftRunner
{
    private readonly IShiftWorld _world;
    private readonly IAttemptScorer? _scorer;
    private readonly List<(StowOutcome Truth, StowOutcome Cell)> _scores = [];
    private readonly SortedDictionary<string, int> _misreads = new(StringComparer.Ordinal);
    private readonly IShiftPerception _perception;
    private readonly IShiftPlanner _planner;
    private readonly IShiftMotion _motion;
    private readonly IShiftJournal _journal;
    private readonly IOperatorChannel _operator;
    private readonly ICellStates _states;
    private readonly IClock _clock;
    private readonly ShiftOptions _options;
    private readonly ILogger _log;
    private readonly List<AttemptSample> _samples = [];
    private readonly List<double> _densities = [];
    private readonly List<double> _decisionMs = [];
    private readonly List<double> _perceptionMs = [];
    private readonly Stopwatch _wall = new();
    private readonly List<Item> _buffer = [];
    private readonly Dictionary<ItemId, int> _tries = [];
    private readonly HashSet<BinId> _contactBlocked = [];
    private PodSpaceEstimate? _estimate;
    private int _pods;
    private int _inducted;
    private int _done;
    private int _exceptions;
    private int _swapsWithoutStow;
    private int _attemptsOnPod;
    private int _exceptionsOnPod;
    private double _nextArrival;

    /// <summary>Creates a runner over its ports (<paramref name="scorer"/>: the simulator's truth scorer, or null).</summary>
    /// <remarks>
    /// <paramref name="clock"/> is the cell's clock: a <see cref="VirtualClock"/> (simulated time: the shift advances it
    /// over waits such as a pod swap) or the wall clock (the shift waits those out in real time).
    /// </remarks>
    public ShiftRunner(IShiftWorld world, IShiftPerception perception, IShiftPlanner planner, IShiftMotion motion,
        IShiftJournal journal, IOperatorChannel operatorChannel, ICellStates states, IClock clock, ShiftOptions options, ILogger log, IAttemptScorer? scorer = null)
    {
        _scorer = scorer;
        _world = world;
        _perception = perception;
        _planner = planner;
        _motion = motion;
        _journal = journal;
        _operator = operatorChannel;
        _states = states;
        _clock = clock;
        _options = options;
        _log = log;
    }

    /// <summary>True when the shift ended cleanly at <see cref="ShiftOptions.MaxPods"/> (<see cref="ShiftOptions.EndAtPodLimit"/>).</summary>
    public bool PodLimitReached { get; private set; }

    /// <summary>Raised after each attempt, pod swap or exception, on the shift thread.</summary>
    public event EventHandler<ShiftProgress>? Progress;

    /// <summary>Raised when a stow attempt starts (before the motion), on the shift thread.</summary>
    public event EventHandler<StowAction>? AttemptStarted;

    /// <summary>Runs the shift over <paramref name="items"/> (in induct order).</summary>
    /// <param name="items">Items to stow.</param>
    /// <param name="cancel">Stops the shift between stows (PackML Stop).</param>
    /// <returns>The shift's figures and report data.</returns>
    public ShiftResult Run(IReadOnlyList<Item> items, CancellationToken cancel)
    {
        var queue = new Queue<Item>(items);
        _wall.Restart();
        Require(_states.Command(PackMlCommand.Reset), "Reset");
        Require(_states.Command(PackMlCommand.Start), "Start");
        _pods = 1;
        _journal.PodArrived(_world.Pod, _world.PodType.Name);
        _nextArrival = _clock.Now;
        Refill(queue);
        _estimate = TimedPerceive();
        while ((_buffer.Count > 0 || queue.Count > 0) && !cancel.IsCancellationRequested)
        {
            _states.WaitWhileHeld(cancel); // a supervisor's Hold pauses the shift between stows
            if (_buffer.Count == 0)
            {
                WaitForItems(queue);
                continue;
            }

            var sw = Stopwatch.StartNew();
            var decision = _planner.Decide(_buffer, _estimate, _world.PodType, freshPod: _attemptsOnPod == 0);
            _decisionMs.Add(sw.Elapsed.TotalMilliseconds);
            switch (decision)
            {
                case ShiftDecision.PodSwap swap:
                    if (!SwapPod(swap.BestP))
                    {
                        return PodLimitReached ? EndAtPodLimit(items.Count, queue.Count) : Finish(items.Count, aborted: true);
                    }

                    break;
                case ShiftDecision.Exception ex:
                    RouteToException(ex.Item, ex.Reason);
                    break;
                case ShiftDecision.Stow stow:
                    _swapsWithoutStow = 0;
                    if (!Attempt(stow.Action))
                    {
                        return Finish(items.Count, aborted: true);
                    }

                    break;
            }

            Refill(queue);
            RaiseProgress(items.Count);
        }

        if (cancel.IsCancellationRequested)
        {
            _log.LogWarning("shift stopped on request with {Buffered} items in the buffer and {Queued} not inducted", _buffer.Count, queue.Count);
            _states.Command(PackMlCommand.Stop);
        }
        else
        {
            _states.Command(PackMlCommand.Complete);
        }

        return Finish(items.Count, aborted: false);
    }

    private ShiftResult EndAtPodLimit(int items, int queued)
    {
        _log.LogInformation("pod limit {MaxPods} reached: shift complete with {Buffered} items in the buffer and {Queued} not inducted", _options.MaxPods, _buffer.Count, queued);
        _states.Command(PackMlCommand.Complete);
        return Finish(items, aborted: false);
    }

    private bool Attempt(StowAction action)
    {
        var pod = _world.Pod;
        var binEstimate = FindBin(action.Bin);
        var attempt = _journal.BeginAttempt(pod, action);
        _attemptsOnPod++;
        _operator.PublishStatus(_states.State, _world.Density, $"{action.Item.Id} -> {pod}/{action.Bin} via {action.ChainText}");
        AttemptStarted?.Invoke(this, action);
        var motion = _motion.Execute(action);
        var outcome = new WorldOutcome(StowOutcome.Unproductive, motion.FailureReason ?? "motion failed");
        if (!motion.Succeeded)
        {
            if (motion.SafetyStop && !AbortAndRecover(motion.FailureReason ?? "safety stop"))
            {
                _journal.EndAttempt(attempt, pod, action, outcome.Kind, outcome.Reason, motion.Duration);
                return false;
            }

            if (!motion.SafetyStop && motion.NeedsOperator && !HoldForOperator(motion.FailureReason ?? "fault"))
            {
                _journal.EndAttempt(attempt, pod, action, outcome.Kind, outcome.Reason, motion.Duration);
                return false;
            }
        }
        else
        {
            _world.Apply(action);
        }

        // Re-perceive the touched bin: with the EOAT's beams it is how the cell reads the attempt's outcome.
        var updated = TimedPerceiveBin(action.Bin);
        OutcomeEvidence? evidence = null;
        if (motion.Succeeded)
        {
            (outcome, evidence) = ReadOutcome(motion, action, binEstimate, updated);
        }

        var score = ScoreOutcome(action, outcome, evidence, updated);

        _journal.EndAttempt(attempt, pod, action, outcome.Kind, outcome.Reason, motion.Duration);
        _planner.Record(action, binEstimate, outcome.Kind);
        _samples.Add(new AttemptSample(_clock.Now, Name(outcome.Kind), action.Item.Class.ToString(), action.ChainText, action.PredictedP, score?.PerceptionError,
            _world.PodType[action.Bin].FloorHeight, SpaceMadeLitres(binEstimate, action)));
        if (outcome.Kind == StowOutcome.Unproductive)
        {
            var n = _tries[action.Item.Id] = _tries.GetValueOrDefault(action.Item.Id) + 1;
            if (n >= _options.MaxAttemptsPerItem)
            {
                RouteToException(action.Item, $"unproductive {n} times");
            }
        }
        else
        {
            _buffer.Remove(action.Item);
            _done++;
        }

        if (outcome.StoppedShort)
        {
            // The EOAT fed the item less far than planned: something the cameras did not see stopped it. Perceiving the
            // bin again would show the same picture, so the bin takes no more items until the next pod.
            _contactBlocked.Add(action.Bin);
            _log.LogWarning("item {Item} stopped short in {Bin} ({Reason}): the bin takes no more items on pod {Pod}", action.Item.Id, action.Bin, outcome.Reason, pod);
        }

        ReplaceBin(updated);
        return true;
    }

    private bool HoldForOperator(string reason)
    {
        _states.Command(PackMlCommand.Hold);
        _operator.PublishStatus(_states.State, _world.Density, null);
        _log.LogWarning("Held: {Reason}; prompting an operator", reason);
        if (!_operator.Prompt(PromptKind.ClearJam, $"Cell held: {reason}. Clear the EOAT and acknowledge.", TimeSpan.FromSeconds(_options.OperatorTimeoutSeconds)))
        {
            _log.LogError("no operator acknowledged the hold ({Reason}); stopping the shift", reason);
            _states.Command(PackMlCommand.Stop);
            return false;
        }

        _motion.ClearFault();
        _states.Command(PackMlCommand.Unhold);
        return true;
    }

    /// <summary>
    /// E-stop or safety fault: PackML Abort (Aborting → Aborted), an operator clears the cell, then Clear
    /// (Clearing clears the fault → Stopped), Reset (Resetting brings the hardware up → Idle) and Start (→ Execute) bring
    /// it back (ISA-TR88.00.02 abort path).
    /// </summary>
    private bool AbortAndRecover(string reason)
    {
        _states.Command(PackMlCommand.Abort);
        _operator.PublishStatus(_states.State, _world.Density, null);
        _log.LogError("Aborted: {Reason}; prompting an operator to clear the cell", reason);
        if (!_operator.Prompt(PromptKind.ClearJam, $"Cell aborted: {reason}. Make the cell safe, release the e-stop and acknowledge.", TimeSpan.FromSeconds(_options.OperatorTimeoutSeconds)))
        {
            _log.LogError("no operator acknowledged the abort ({Reason}); the shift ends Aborted", reason);
            return false;
        }

        // Clearing clears the fault and Resetting brings the hardware back up (the acting states' work, see PackMlShiftStates).
        return _states.Command(PackMlCommand.Clear) && _states.Command(PackMlCommand.Reset) && _states.Command(PackMlCommand.Start);
    }

    private bool SwapPod(double bestP)
    {
        if (++_swapsWithoutStow > 1 && _exceptionsOnPod < _options.ExceptionsPerFreshPod)
        {
            // A pod that came after a swap without a stow still scores below the threshold for every buffered item: another
            // swap is unlikely to help the bulkiest of them, which goes to exceptions; the pod stays for the items behind it
            // (ShiftOptions.ExceptionsPerFreshPod of them at most, then the pod is swapped).
            RouteToException(Bulkiest(_buffer), $"best P {bestP:F3} below the swap threshold even on a fresh pod");
            _exceptionsOnPod++;
            return true;
        }

        if (_pods >= _options.MaxPods)
        {
            if (_options.EndAtPodLimit)
            {
                PodLimitReached = true;
                _densities.Add(ReportedDensity());
                return false;
            }

            _log.LogError("pod limit {MaxPods} reached", _options.MaxPods);
            return false;
        }

        _states.Command(PackMlCommand.Suspend);
        _operator.PublishStatus(_states.State, _world.Density, null);
        _log.LogInformation("pod {Pod} full enough (best P {BestP:F3}, density {Density:P1}): requesting a swap", _world.Pod, bestP, _world.Density);
        if (!_operator.Prompt(PromptKind.PodSwap, $"Pod {_world.Pod} is full: swap it.", TimeSpan.FromSeconds(_options.OperatorTimeoutSeconds)))
        {
            _log.LogError("pod swap for {Pod} not acknowledged; stopping the shift", _world.Pod);
            _states.Command(PackMlCommand.Stop);
            return false;
        }

        _densities.Add(ReportedDensity());
        var swapStart = _clock.Now;
        _world.NextPod();
        _attemptsOnPod = 0;
        _exceptionsOnPod = 0;
        _contactBlocked.Clear();
        Wait(Math.Max(0, _options.PodSwapSeconds - (_clock.Now - swapStart)));
        _pods++;
        _journal.PodArrived(_world.Pod, _world.PodType.Name);
        _states.Command(PackMlCommand.Unsuspend);
        _estimate = TimedPerceive();
        return true;
    }

    /// <summary>The buffered item with the largest volume (first of equals): the least likely to find room on any pod.</summary>
    private static Item Bulkiest(List<Item> buffer)
    {
        var best = buffer[0];
        foreach (var item in buffer)
        {
            if (item.Dimensions.Volume > best.Dimensions.Volume)
            {
                best = item;
            }
        }

        return best;
    }

    private void RouteToException(Item item, string reason)
    {
        _buffer.Remove(item);
        _journal.ToException(item.Id, reason);
        _exceptions++;
        _done++;
        _log.LogInformation("item {Item} to the exception path: {Reason}", item.Id, reason);
        _operator.Prompt(PromptKind.TakeExceptionItem, $"Take item {item.Id} from the exception chute ({reason}).", TimeSpan.Zero);
    }

    /// <summary>
    /// The buffer ran empty while items are still to come (arrivals lag the cell): PackML Suspend (starved) until the
    /// next item arrives, then Unsuspend.
    /// </summary>
    private void WaitForItems(Queue<Item> queue)
    {
        _states.Command(PackMlCommand.Suspend);
        _operator.PublishStatus(_states.State, _world.Density, null);
        _log.LogInformation("induct buffer empty: Suspended until the next item arrives in {Wait:F1} s", _nextArrival - _clock.Now);
        Wait(Math.Max(0, _nextArrival - _clock.Now));
        Refill(queue);
        _states.Command(PackMlCommand.Unsuspend);
        _operator.PublishStatus(_states.State, _world.Density, null);
    }

    private void Refill(Queue<Item> queue)
    {
        var interval = _options.InductIntervalSeconds;
        while (_buffer.Count < _options.BufferSize && queue.Count > 0 && (interval <= 0 || _nextArrival <= _clock.Now))
        {
            _nextArrival += interval;
            var item = queue.Dequeue();
            _journal.Inducted(item);
            _inducted++;
            _buffer.Add(item);
        }
    }

    /// <summary>
    /// The pod's density for the report: the world's truth where a simulator's scorer knows it
    /// (<see cref="IAttemptScorer.PodDensity"/>), else the cell's own figure (<see cref="IShiftWorld.Density"/>).
    /// </summary>
    private double ReportedDensity() => _scorer?.PodDensity ?? _world.Density;

    /// <summary>Lets <paramref name="seconds"/> pass: advances a virtual clock, or waits on the wall clock.</summary>
    private void Wait(double seconds)
    {
        if (_clock is VirtualClock virtualClock)
        {
            virtualClock.Advance(seconds);
        }
        else if (seconds > 0)
        {
            Thread.Sleep(TimeSpan.FromSeconds(seconds));
        }
    }

    private PodSpaceEstimate TimedPerceive()
    {
        var sw = Stopwatch.StartNew();
        var e = _perception.Perceive(_clock.Now);
        _perceptionMs.Add(sw.Elapsed.TotalMilliseconds);
        return e;
    }

    private BinSpaceEstimate TimedPerceiveBin(BinId bin)
    {
        var sw = Stopwatch.StartNew();
        var e = _perception.PerceiveBin(bin, _clock.Now);
        _perceptionMs.Add(sw.Elapsed.TotalMilliseconds);
        return e;
    }

    private BinSpaceEstimate FindBin(BinId bin) => _estimate!.Bins.First(b => b.Bin == bin);

    private void ReplaceBin(BinSpaceEstimate updated)
    {
        if (_contactBlocked.Contains(updated.Bin))
        {
            updated = Blocked(updated);
        }

        var bins = _estimate!.Bins.Select(b => b.Bin == updated.Bin ? updated : b).ToArray();
        _estimate = new PodSpaceEstimate(_estimate.Pod, updated.CaptureTime, bins);
    }

    private void RaiseProgress(int total)
    {
        var attempted = _samples.Count;
        var stowed = _samples.Count(s => s.Outcome == "stowed");
        Progress?.Invoke(this, new ShiftProgress(total, _done, attempted, stowed, attempted == 0 ? 0 : stowed / (double)attempted, _world.Density, _pods, _states.State, _clock.Now,
            _inducted, _exceptions, _world.Pod, _estimate, [.. _contactBlocked]));
    }

    /// <summary>The estimate with no room for any primitive (a bin where an insertion was stopped by something unseen).</summary>
    private static BinSpaceEstimate Blocked(BinSpaceEstimate e) => e with
    {
        LargestBox = new PrimitiveSpace(Primitive.None, 0, 0, 0),
        Primitives = e.Primitives.Select(p => new PrimitiveSpace(p.Primitive, 0, 0, 0)).ToArray(),
    };

    private static void Require(bool ok, string command)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"PackML refused {command} at the start of the shift");
        }
    }

    private static string Name(StowOutcome k) => k.ToString().ToLowerInvariant();
}
