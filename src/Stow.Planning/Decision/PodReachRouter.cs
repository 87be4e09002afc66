namespace Stow.Planning.Decision;

using System.Globalization;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Planning.Candidates;
using Stow.Planning.Risk;

/// <summary>
/// Keeps items that the pods coming back from the floor have no room for from holding the buffer through pod swaps.
/// It remembers the perceived space of the last <see cref="MemoryPods"/> pods as they arrived (their first estimate)
/// and gives each buffered item its <em>reach</em>: the share of those pods on which some candidate of the item has a
/// predicted P ≥ the floor (<see cref="PlannerOptions.Floor"/>) under the planner's own success model and fit margins.
/// When the pod at the station has no candidate left for the buffer (the policy asks for a swap), the item with the
/// lowest reach below <see cref="MinReach"/> goes to the exception path instead, so a new item takes its buffer slot
/// on the pod that is already there.
/// </summary>
/// <remarks>
/// <para>
/// Why: with pods that arrive a fifth to two thirds full, a bulky item finds room on only a few of them; held in a
/// 20-slot buffer it costs one drive-unit swap (<see cref="PlannerOptions.PodSwapSeconds"/>) per pod it waits through,
/// and every slot it holds is one item fewer the pod at the station could take. The rule weighs one exception against
/// an expected 1 / reach swaps: it routes only when the station's pod offers nothing to the whole buffer, and only items
/// whose reach, measured on the same perception the planner uses, is below <see cref="MinReach"/>.
/// </para>
/// <para>
/// No reach is judged before <see cref="MinPodsToJudge"/> pods have been seen. Reach is computed once per (item,
/// remembered pod) and cached; entries of items that left the buffer are dropped when their pods leave the memory.
/// Threading: not thread-safe; one instance per shift, called from the shift thread. Allocation: per new pod, one
/// candidate generation per buffered item (1 item × bins × chains).
/// </para>
/// </remarks>
public sealed class PodReachRouter
{
    private readonly ISuccessModel _model;
    private readonly double _floor;
    private readonly CandidateGenerator _generator;
    private readonly Queue<(long Seq, PodId Pod, PodType Type, PodSpaceEstimate Estimate)> _pods = new();
    private readonly Dictionary<(ItemId Item, long Seq), bool> _fits = [];
    private long _seq;
    private PodId? _lastPod;

    /// <summary>Creates a router.</summary>
    /// <param name="model">The planner's success model.</param>
    /// <param name="options">The planner's options (floor and fit margins).</param>
    /// <param name="minReach">Least reach an item keeps its buffer slot with, in [0, 1]; 0 turns routing off.</param>
    /// <param name="memoryPods">Arrived pods remembered (≥ 1).</param>
    /// <param name="minPodsToJudge">Pods seen before any reach is judged, in [1, <paramref name="memoryPods"/>].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public PodReachRouter(ISuccessModel model, PlannerOptions options, double minReach, int memoryPods = 20, int minPodsToJudge = 5)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (!(minReach is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minReach), minReach, "minimum pod reach must be in [0, 1]");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(memoryPods, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minPodsToJudge, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minPodsToJudge, memoryPods);
        _model = model;
        _floor = options.Floor;
        _generator = new CandidateGenerator(options.Fit, 1) { SpaceMaking = options.SpaceMaking };
        MinReach = minReach;
        MemoryPods = memoryPods;
        MinPodsToJudge = minPodsToJudge;
    }

    /// <summary>Least reach an item keeps its buffer slot with (0: routing off).</summary>
    public double MinReach { get; }

    /// <summary>Arrived pods remembered.</summary>
    public int MemoryPods { get; }

    /// <summary>Pods seen before any reach is judged.</summary>
    public int MinPodsToJudge { get; }

    /// <summary>Pods in memory now.</summary>
    public int RememberedPods => _pods.Count;

    /// <summary>
    /// Remembers <paramref name="estimate"/> as an arriving pod's space when its pod id differs from the last one
    /// remembered (a later estimate of the same pod is ignored: reach is about pods as they arrive).
    /// </summary>
    public void ObservePod(PodSpaceEstimate estimate, PodType podType)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(podType);
        if (_lastPod is { } last && last == estimate.Pod)
        {
            return;
        }

        _lastPod = estimate.Pod;
        _pods.Enqueue((++_seq, estimate.Pod, podType, estimate));
        while (_pods.Count > MemoryPods)
        {
            var (gone, _, _, _) = _pods.Dequeue();
            foreach (var key in _fits.Keys.Where(k => k.Seq == gone).ToList())
            {
                _fits.Remove(key);
            }
        }
    }

    /// <summary>The share, in [0, 1], of the remembered pods on which <paramref name="item"/> has a candidate with P ≥ the floor; NaN before any pod.</summary>
    public double Reach(Item item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_pods.Count == 0)
        {
            return double.NaN;
        }

        var hits = 0;
        foreach (var (seq, _, type, estimate) in _pods)
        {
            if (!_fits.TryGetValue((item.Id, seq), out var fits))
            {
                fits = FitsAtFloor(item, estimate, type);
                _fits[(item.Id, seq)] = fits;
            }

            hits += fits ? 1 : 0;
        }

        return (double)hits / _pods.Count;
    }

    /// <summary>
    /// The exception decision for the buffered item with the lowest reach below <see cref="MinReach"/>, or null when
    /// routing is off, fewer than <see cref="MinPodsToJudge"/> pods were seen, or every item reaches enough pods. Call it
    /// when the pod at the station offers the buffer nothing (instead of a swap).
    /// </summary>
    public StowDecision? RouteInsteadOfSwap(IReadOnlyList<Item> buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (MinReach <= 0 || _pods.Count < MinPodsToJudge)
        {
            return null;
        }

        Item? worst = null;
        var worstReach = double.PositiveInfinity;
        foreach (var item in buffer)
        {
            var r = Reach(item);
            if (r < MinReach && r < worstReach)
            {
                worst = item;
                worstReach = r;
            }
        }

        if (worst is null)
        {
            return null;
        }

        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"item {worst.Id} finds room at P >= {_floor:F2} on {Math.Round(worstReach * _pods.Count)} of the last {_pods.Count} pods (reach {worstReach:F2} < {MinReach:F2}): exception path instead of a pod swap");
        return new StowDecision(DecisionKind.Exception, worst, null, false, 0, [], 0, reason);
    }

    private bool FitsAtFloor(Item item, PodSpaceEstimate estimate, PodType type)
    {
        var n = _generator.Generate([item], estimate, type, _model);
        var candidates = _generator.Candidates;
        for (var i = 0; i < n; i++)
        {
            if (candidates[i].Probability >= _floor)
            {
                return true;
            }
        }

        return false;
    }
}
