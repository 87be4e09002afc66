using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Planning.Candidates;
using Stow.Planning.Decision;
using Stow.Planning.Risk;

namespace Stow.Cell.Shift;

/// <summary>
/// Adapts a planning policy (<see cref="IStowPolicy"/>) to the shift, and keeps the attempt records
/// (features, predicted P, outcome) that <c>stowcell risk fit</c> learns from. Single-threaded.
/// </summary>
public sealed class PolicyPlanner : IShiftPlanner
{
    private readonly IStowPolicy _policy;
    private readonly IStowPolicy _freshPodPolicy;
    private readonly PodReachRouter? _reach;
    private readonly List<AttemptRecord> _records = [];
    private StowDecision? _last;

    /// <summary>Wraps <paramref name="policy"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="freshPodPolicy">
    /// The same policy with its swap threshold lowered to its floor, used on a pod on which nothing has
    /// been tried yet (another swap cannot help there); null to use <paramref name="policy"/> throughout.
    /// </param>
    /// <param name="reach">
    /// Routes a buffered item that few arriving pods have room for to the exception path when the policy would swap the
    /// pod (<see cref="PodReachRouter"/>); it sees every pod's first estimate. Null: no such routing.
    /// </param>
    public PolicyPlanner(IStowPolicy policy, IStowPolicy? freshPodPolicy = null, PodReachRouter? reach = null)
    {
        _policy = policy;
        _freshPodPolicy = freshPodPolicy ?? policy;
        _reach = reach;
    }

    /// <summary>The reach router in use, or null.</summary>
    public PodReachRouter? Reach => _reach;

    /// <summary>Attempt records collected so far.</summary>
    public IReadOnlyList<AttemptRecord> Records => _records;

    /// <inheritdoc />
    public ShiftDecision Decide(IReadOnlyList<Item> buffer, PodSpaceEstimate estimate, PodType podType, bool freshPod)
    {
        if (freshPod)
        {
            _reach?.ObservePod(estimate, podType);
        }

        var d = (freshPod ? _freshPodPolicy : _policy).Decide(buffer, estimate, podType);
        if (d.Kind == DecisionKind.PodSwap && _reach?.RouteInsteadOfSwap(buffer) is { } routed)
        {
            d = routed;
        }

        _last = d;
        return d.Kind switch
        {
            DecisionKind.Stow when d.Candidate is { } c => new ShiftDecision.Stow(
                new StowAction(d.Item!, c.Bin, c.Chain.Steps, c.Orientation, c.Probability, d.IsExploration, Lateral(d.Item!, c, estimate, podType))),
            DecisionKind.PodSwap => new ShiftDecision.PodSwap(d.BestProbability),
            DecisionKind.Exception => new ShiftDecision.Exception(d.Item!, d.Reason),
            _ => throw new InvalidOperationException($"planner returned {d.Kind} with {buffer.Count} items buffered: {d.Reason}"),
        };
    }

    /// <summary>The lateral offset of the chosen candidate, from the perceived free-depth map of its bin.</summary>
    private static double Lateral(Item item, StowCandidate c, PodSpaceEstimate estimate, PodType podType)
    {
        OrientationRules.Extents(item.Dimensions, c.Orientation, out _, out var width, out var height);
        return LanePlacement.Choose(estimate.Bins[c.BinIndex], podType[c.Bin], width, height, podType.FaceWidth);
    }

    /// <inheritdoc />
    public void Record(StowAction action, BinSpaceEstimate estimate, StowOutcome outcome)
    {
        if (_last is { Kind: DecisionKind.Stow } d && d.Item == action.Item)
        {
            _records.Add(d.ToAttemptRecord(outcome));
        }
    }
}
