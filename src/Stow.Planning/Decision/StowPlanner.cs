namespace Stow.Planning.Decision;

using System.Globalization;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Planning.Candidates;
using Stow.Planning.Risk;

/// <summary>
/// The model-based stow policy: scores every candidate of the buffer (<see cref="CandidateGenerator"/>) with a
/// success model and <see cref="CandidateValue"/>, and decides in this order:
/// <list type="number">
/// <item>empty buffer: <see cref="DecisionKind.Idle"/>;</item>
/// <item>the first buffered item that fits no bin of any known pod type (<see cref="ExceptionRouter"/>):
/// <see cref="DecisionKind.Exception"/>;</item>
/// <item>no candidate, or no candidate whose P reaches its threshold: <see cref="DecisionKind.PodSwap"/>. The threshold is
/// <see cref="PlannerOptions.SwapThreshold"/>, or with a slack s &gt; 0 the item-relative
/// max(Floor, min(SwapThreshold, P_empty − s)) (P_empty: the item's best P in an empty bin of the pod type), where s is
/// the larger of <see cref="PlannerOptions.SwapSlack"/> and the drive-unit travel time of a swap expressed in P
/// (<see cref="PlannerOptions.SwapCostInProbability"/>);</item>
/// <item>otherwise <see cref="DecisionKind.Stow"/> with the highest-scoring candidate whose P reaches its threshold, or,
/// with probability <see cref="PlannerOptions.ExplorationRate"/>, a uniformly drawn other candidate with P ≥
/// <see cref="PlannerOptions.Floor"/>, flagged <see cref="StowDecision.IsExploration"/>. The decision carries the
/// probability of its choice (<see cref="StowDecision.Propensity"/>: 1 − rate for the greedy candidate while exploration
/// may happen, rate / eligible for an explored one, 1 otherwise) for off-policy evaluation.</item>
/// </list>
/// </summary>
/// <remarks>
/// Exploration is budgeted: it happens only while explorations + 1 ≤ rate × stow decisions so far, so the realised
/// rate never exceeds the configured one. The random stream is seeded by <see cref="PlannerOptions.Seed"/> and drawn
/// once per stow decision (twice when exploring), so the same seed and inputs give the same decisions.
/// Threading: not thread-safe (see <see cref="IStowPolicy"/>). Allocation per call: the decision, its alternatives and
/// its reason text; the candidate loop allocates nothing.
/// </remarks>
public sealed class StowPlanner : IStowPolicy
{
    private readonly ISuccessModel _model;
    private readonly PlannerOptions _options;
    private readonly CandidateGenerator _generator;
    private readonly ExceptionRouter _router;
    private readonly Random _random;
    private readonly CandidateGenerator _emptyGenerator;
    private readonly Dictionary<(Stow.Core.Ids.ItemId, string), double> _emptyP = [];
    private (PodType Type, PodSpaceEstimate Estimate)? _emptyPod;
    private double[] _scores = new double[20 * PodType.MaxBins * PrimitiveChain.Count];

    /// <summary>Builds a planner.</summary>
    /// <param name="model">Success model (prior or learned).</param>
    /// <param name="podTypes">Every pod type the cell can be given (for exception routing).</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="podTypes"/> is empty.</exception>
    public StowPlanner(ISuccessModel model, IReadOnlyList<PodType> podTypes, PlannerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _options = options ?? new PlannerOptions();
        _options.Validate();
        _model = model;
        _generator = new CandidateGenerator(_options.Fit) { SpaceMaking = _options.SpaceMaking };
        _router = new ExceptionRouter(podTypes, _options.Fit);
        _random = new Random(_options.Seed);
        _emptyGenerator = new CandidateGenerator(_options.Fit, 1);
    }

    /// <inheritdoc />
    public string Name => "planner-" + _model.Name + (_options.SpaceMaking ? "" : "-no-space-making");

    /// <summary>The success model in use.</summary>
    public ISuccessModel Model => _model;

    /// <summary>The settings in use.</summary>
    public PlannerOptions Options => _options;

    /// <summary>Number of <see cref="DecisionKind.Stow"/> decisions so far.</summary>
    public int StowDecisions { get; private set; }

    /// <summary>Number of those taken by exploration.</summary>
    public int Explorations { get; private set; }

    /// <summary>Explorations / stow decisions (0 before the first), ≤ <see cref="PlannerOptions.ExplorationRate"/>.</summary>
    public double ObservedExplorationRate => StowDecisions == 0 ? 0 : (double)Explorations / StowDecisions;

    /// <inheritdoc />
    public StowDecision Decide(IReadOnlyList<Item> buffer, PodSpaceEstimate estimate, PodType podType)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(podType);
        if (_router.Precheck(buffer) is { } early)
        {
            return early;
        }

        var n = _generator.Generate(buffer, estimate, podType, _model);
        var candidates = _generator.Candidates;
        if (_scores.Length < n)
        {
            _scores = new double[n];
        }

        var bestP = 0.0;
        var bestPIndex = -1;
        var greedy = -1;
        var threshold = _options.SwapThreshold;
        Span<double> itemThreshold = stackalloc double[Math.Min(buffer.Count, 256)];
        for (var i = 0; i < itemThreshold.Length; i++)
        {
            itemThreshold[i] = ItemThreshold(buffer[i], podType);
        }

        for (var j = 0; j < n; j++)
        {
            var s = CandidateValue.Score(candidates[j], _options);
            _scores[j] = s;
            var p = candidates[j].Probability;
            if (bestPIndex < 0 || p > bestP)
            {
                bestP = p;
                bestPIndex = j;
            }

            var ti = candidates[j].ItemIndex;
            var t = ti < itemThreshold.Length ? itemThreshold[ti] : threshold;
            if (p >= t && (greedy < 0 || s > _scores[greedy]))
            {
                greedy = j;
            }
        }

        if (n == 0 || greedy < 0)
        {
            var best = bestPIndex >= 0 ? candidates[bestPIndex] with { Score = _scores[bestPIndex] } : (StowCandidate?)null;
            var reason = n == 0
                ? "no buffered item fits any bin now: pod swap"
                : string.Create(CultureInfo.InvariantCulture, $"best P {bestP:F3} < swap threshold {threshold:F3}: pod swap");
            return new StowDecision(DecisionKind.PodSwap, null, best, false, bestP, TopByScore(candidates, bestPIndex), n, reason);
        }

        StowDecisions++;
        var chosen = greedy;
        var explored = false;
        var rate = _options.ExplorationRate;
        var gateOpen = Explorations + 1 <= rate * StowDecisions;
        var eligible = gateOpen ? CountEligible(candidates, greedy) : 0;
        var propensity = eligible > 0 ? 1 - rate : 1.0;
        if (_random.NextDouble() < rate && gateOpen)
        {
            var pick = DrawExploration(candidates, greedy);
            if (pick >= 0)
            {
                chosen = pick;
                explored = true;
                Explorations++;
                propensity = rate / eligible;
            }
        }

        var c = candidates[chosen] with { Score = _scores[chosen] };
        var why = string.Create(
            CultureInfo.InvariantCulture,
            $"{(explored ? "explore" : "greedy")}: {buffer[c.ItemIndex].Id} → {c.Bin} via {c.Chain} ({c.Orientation}), P {c.Probability:F3}, score {c.Score:F3}");
        return new StowDecision(DecisionKind.Stow, buffer[c.ItemIndex], c, explored, bestP, TopByScore(candidates, chosen), n, why, propensity);
    }

    /// <summary>
    /// The P a candidate of <paramref name="item"/> must reach: the swap threshold, or with a swap slack the item-relative
    /// threshold of <see cref="PlannerOptions.SwapSlack"/>. P_empty is cached per (item, pod type).
    /// </summary>
    private double ItemThreshold(Item item, PodType podType)
    {
        var slack = Math.Max(_options.SwapSlack, _options.SwapCostInProbability);
        if (slack <= 0)
        {
            return _options.SwapThreshold;
        }

        if (!_emptyP.TryGetValue((item.Id, podType.Name), out var empty))
        {
            if (_emptyP.Count > 100_000)
            {
                _emptyP.Clear();
            }

            var n = _emptyGenerator.Generate([item], EmptyPod(podType), podType, _model);
            empty = 0;
            foreach (var c in _emptyGenerator.Candidates[..n])
            {
                empty = Math.Max(empty, c.Probability);
            }

            _emptyP[(item.Id, podType.Name)] = empty;
        }

        return Math.Max(_options.Floor, Math.Min(_options.SwapThreshold, empty - slack));
    }

    /// <summary>An estimate of <paramref name="podType"/> with every bin empty (cached per pod type).</summary>
    private PodSpaceEstimate EmptyPod(PodType podType)
    {
        if (_emptyPod is { } cached && cached.Type == podType)
        {
            return cached.Estimate;
        }

        var bins = podType.Bins.Select(b =>
        {
            var all = new PrimitiveSpace(Primitive.None, b.OpeningWidth, b.OpeningHeight, b.Depth);
            PrimitiveSpace[] spaces =
            [
                all,
                all with { Primitive = Primitive.SweepLeft },
                all with { Primitive = Primitive.SweepRight },
                all with { Primitive = Primitive.Flip },
                new(Primitive.Stack, 0, 0, 0),
                new(Primitive.Slot, 0, 0, 0),
            ];
            return new BinSpaceEstimate(b.Id, 0, b.Volume, all, 1, spaces, [(float)b.Depth], 1, 1);
        }).ToArray();
        var estimate = new PodSpaceEstimate(new Stow.Core.Ids.PodId("EMPTY"), 0, bins);
        _emptyPod = (podType, estimate);
        return estimate;
    }

    /// <summary>Candidates exploration may draw from: every one but the greedy with P ≥ floor.</summary>
    private int CountEligible(ReadOnlySpan<StowCandidate> candidates, int greedy)
    {
        var eligible = 0;
        for (var j = 0; j < candidates.Length; j++)
        {
            if (j != greedy && candidates[j].Probability >= _options.Floor)
            {
                eligible++;
            }
        }

        return eligible;
    }

    private int DrawExploration(ReadOnlySpan<StowCandidate> candidates, int greedy)
    {
        var floor = _options.Floor;
        var eligible = 0;
        for (var j = 0; j < candidates.Length; j++)
        {
            if (j != greedy && candidates[j].Probability >= floor)
            {
                eligible++;
            }
        }

        if (eligible == 0)
        {
            return -1;
        }

        var k = _random.Next(eligible);
        for (var j = 0; j < candidates.Length; j++)
        {
            if (j != greedy && candidates[j].Probability >= floor && k-- == 0)
            {
                return j;
            }
        }

        return -1;
    }

    private StowCandidate[] TopByScore(ReadOnlySpan<StowCandidate> candidates, int exclude)
    {
        var k = Math.Min(_options.AlternativeCount, Math.Max(0, candidates.Length - (exclude >= 0 ? 1 : 0)));
        var top = new StowCandidate[k];
        Span<int> picked = stackalloc int[k];
        for (var r = 0; r < k; r++)
        {
            var best = -1;
            for (var j = 0; j < candidates.Length; j++)
            {
                if (j == exclude || picked[..r].Contains(j))
                {
                    continue;
                }

                if (best < 0 || _scores[j] > _scores[best])
                {
                    best = j;
                }
            }

            picked[r] = best;
            top[r] = candidates[best] with { Score = _scores[best] };
        }

        return top;
    }
}
