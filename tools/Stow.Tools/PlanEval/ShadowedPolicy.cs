using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Planning.Calibration;
using Stow.Planning.Candidates;
using Stow.Planning.Decision;
using Stow.Planning.Risk;

namespace Stow.Tools.PlanEval;

/// <summary>
/// A logging policy with target policies in its shadow, for off-policy estimation inside <c>plan eval</c>: the logging
/// policy decides and acts; on each of its stow decisions every target (a greedy <see cref="StowPlanner"/>, never acting)
/// is asked what it would do on the same buffer and the same perceived space, and the answer is kept with the logged
/// propensity. After the shift, <see cref="Log"/> pairs these with the attempt records into
/// <see cref="LoggedDecision"/>s for <see cref="OffPolicyEstimator"/>. It also notes the space each stow's chain made in
/// the perceived bin (<see cref="SpaceMade"/>). Not thread-safe (as <see cref="IStowPolicy"/>).
/// </summary>
public sealed class ShadowedPolicy : IStowPolicy
{
    private readonly IStowPolicy _logging;
    private readonly IReadOnlyList<StowPlanner> _targets;
    private readonly List<Shadow> _shadows = [];

    /// <summary>Wraps <paramref name="logging"/> with <paramref name="targets"/> in its shadow.</summary>
    /// <param name="logging">The policy that acts (it must log propensities, e.g. <see cref="StowPlanner"/> with exploration).</param>
    /// <param name="targets">Policies to estimate; give them no exploration (greedy), they are only asked.</param>
    public ShadowedPolicy(IStowPolicy logging, IReadOnlyList<StowPlanner> targets)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(targets);
        _logging = logging;
        _targets = targets;
    }

    /// <inheritdoc />
    public string Name => _logging.Name;

    /// <inheritdoc />
    public StowDecision Decide(IReadOnlyList<Item> buffer, PodSpaceEstimate estimate, PodType podType)
    {
        var d = _logging.Decide(buffer, estimate, podType);
        if (d.Kind != DecisionKind.Stow || d.Candidate is not { } c)
        {
            return d;
        }

        var answers = new TargetAnswer[_targets.Count];
        for (var t = 0; t < _targets.Count; t++)
        {
            var td = _targets[t].Decide(buffer, estimate, podType);
            var stows = td.Kind == DecisionKind.Stow && td.Candidate is not null;
            var tc = td.Candidate.GetValueOrDefault();
            var same = stows && td.Item!.Id == d.Item!.Id && tc.Bin == c.Bin && tc.Chain == c.Chain && tc.Orientation == c.Orientation;
            answers[t] = new TargetAnswer(stows, same, _targets[t].Model.Predict(c.Features), stows ? tc.Probability : double.NaN);
        }

        var bin = estimate.Bins[c.BinIndex];
        var made = Volume(ChainSpace.Of(bin, c.Chain)) - Volume(ChainSpace.Find(bin, Primitive.None));
        _shadows.Add(new Shadow(c.Features, d.Propensity, answers, Math.Max(0, made) * 1000));
        return d;
    }

    /// <summary>
    /// The logged decisions of target <paramref name="target"/> (index into the targets), from the attempt records of the
    /// shift this policy ran (<paramref name="records"/>, in attempt order). Reward 1 for a stow, 0 otherwise; the target's
    /// probability of the logged action is 1 when it would have taken the same item, bin, chain and orientation, else 0;
    /// the reward model of the doubly robust estimate is the target's own success model. Decisions on which the target
    /// would have asked for a pod swap are left out (the estimate is of its success per attempt).
    /// </summary>
    /// <exception cref="InvalidOperationException">A record has no matching shadow (the records are of another shift).</exception>
    public IReadOnlyList<LoggedDecision> Log(int target, IReadOnlyList<AttemptRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var log = new List<LoggedDecision>(records.Count);
        var s = 0;
        foreach (var r in records)
        {
            while (s < _shadows.Count && _shadows[s].Features != r.Features)
            {
                s++;
            }

            if (s == _shadows.Count)
            {
                throw new InvalidOperationException("an attempt record matches no shadowed decision: the records are not of this policy's shift");
            }

            var sh = _shadows[s++];
            var a = sh.Answers[target];
            if (a.Stows && double.IsFinite(sh.Propensity))
            {
                log.Add(new LoggedDecision(r.Succeeded ? 1 : 0, sh.Propensity, a.Same ? 1 : 0, a.PredictedLogged, a.PredictedOwn));
            }
        }

        return log;
    }

    /// <summary>
    /// Litres of space the chains of the attempts made, summed per chain (<see cref="PrimitiveChain"/> text) over
    /// <paramref name="records"/> (the attempts of this policy's shift): for each attempt, the volume of the chain's free
    /// box in the perceived bin (<see cref="ChainSpace.Of"/>) less that of a plain insertion into the same bin, floored
    /// at 0 — the room the planner expected the chain to make, on the estimate it decided with. Plain insertions make 0.
    /// </summary>
    /// <exception cref="InvalidOperationException">A record has no matching decision.</exception>
    public IReadOnlyDictionary<string, double> SpaceMade(IReadOnlyList<AttemptRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var made = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var s = 0;
        foreach (var r in records)
        {
            while (s < _shadows.Count && _shadows[s].Features != r.Features)
            {
                s++;
            }

            if (s == _shadows.Count)
            {
                throw new InvalidOperationException("an attempt record matches no decision: the records are not of this policy's shift");
            }

            var key = r.Features.Chain.ToString();
            made[key] = made.GetValueOrDefault(key) + _shadows[s++].SpaceMadeLitres;
        }

        return made;
    }

    private static double Volume(in PrimitiveSpace box) => box.Width * box.Height * box.Depth;

    private sealed record Shadow(CandidateFeatures Features, double Propensity, TargetAnswer[] Answers, double SpaceMadeLitres);

    private readonly record struct TargetAnswer(bool Stows, bool Same, double PredictedLogged, double PredictedOwn);
}
