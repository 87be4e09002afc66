using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Planning.Candidates;
using Stow.Planning.Decision;
using Stow.Planning.Risk;

namespace Stow.Bench;

/// <summary>
/// Decision latency for a full buffer (20 items) × a full face (fabric-40, 40 bins) × all 10 chains × the allowed
/// orientations (issue 4, deliverable 5: target p50 ≤ 10 ms). Seeded synthetic bin states, fill up to 90 %.
/// </summary>
[Config(typeof(DecisionPercentileConfig))]
[MemoryDiagnoser]
[MinColumn]
[MaxColumn]
public class DecisionBenchmarks
{
    private IStowPolicy _policy = null!;
    private List<Item> _buffer = null!;
    private PodSpaceEstimate _estimate = null!;
    private PodType _pod = null!;

    /// <summary>Which policy decides: the planner with the prior or the learned model, or the baseline.</summary>
    [Params("planner-prior", "planner-learned", "largest-free-volume")]
    public string Policy { get; set; } = "planner-prior";

    /// <summary>Builds the pod, the buffer, the estimate and the policy (seed 42).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var root = RepoRoot();
        _pod = PodTypeLoader.Load(Path.Combine(root, "config", "pods", "fabric-40.json"));
        var wide = PodTypeLoader.Load(Path.Combine(root, "config", "pods", "fabric-24-wide.json"));
        var rng = new Random(42);
        _buffer = [];
        for (var i = 0; i < 20; i++)
        {
            var l = 0.03 + (rng.NextDouble() * 0.30);
            var w = 0.02 + (rng.NextDouble() * (l - 0.02));
            var h = 0.005 + (rng.NextDouble() * (w - 0.005));
            _buffer.Add(new Item(new ItemId("b" + i), "bench", new ItemDimensions(l, w, h), 0.05 + (rng.NextDouble() * 2.5),
                (PackagingClass)rng.Next(7), rng.NextDouble() < 0.1, "", "bench"));
        }

        _estimate = Estimate(rng, _pod);
        var options = new PlannerOptions { Seed = 42 };
        ISuccessModel prior = new PriorSuccessModel();
        _policy = Policy switch
        {
            "planner-learned" => new StowPlanner(FitLearned(), [_pod, wide], options),
            "largest-free-volume" => new LargestFreeVolumePolicy(prior, [_pod, wide], options),
            _ => new StowPlanner(prior, [_pod, wide], options),
        };
    }

    /// <summary>One decision over the whole buffer and face.</summary>
    [Benchmark]
    public StowDecision Decide() => _policy.Decide(_buffer, _estimate, _pod);

    private static LearnedSuccessModel FitLearned()
    {
        var rng = new Random(7);
        var records = new List<AttemptRecord>();
        for (var i = 0; i < 2000; i++)
        {
            var f = new CandidateFeatures((PackagingClass)rng.Next(7), rng.NextDouble() * 3, rng.NextDouble() < 0.1,
                rng.NextDouble() * 0.08, rng.NextDouble() * 0.08, rng.NextDouble() * 0.2, rng.NextDouble() * 0.9,
                rng.NextDouble() * 2.2, PrimitiveChain.FromIndex(rng.Next(PrimitiveChain.Count)), rng.NextDouble());
            var p = new PriorSuccessModel().Predict(f);
            records.Add(new AttemptRecord(f, rng.NextDouble() < p ? StowOutcome.Stowed : StowOutcome.Unproductive, p));
        }

        return LearnedSuccessModel.Fit(records);
    }

    private static PodSpaceEstimate Estimate(Random rng, PodType pod)
    {
        var bins = new List<BinSpaceEstimate>();
        foreach (var spec in pod.Bins)
        {
            var fill = rng.NextDouble() * 0.9;
            double bw = spec.OpeningWidth, bh = spec.OpeningHeight, bd = spec.Depth;
            var none = new PrimitiveSpace(Primitive.None, bw * (1 - fill), bh * (0.5 + (0.5 * rng.NextDouble())), bd * (0.6 + (0.4 * rng.NextDouble())));
            List<PrimitiveSpace> spaces =
            [
                none,
                new(Primitive.SweepLeft, Math.Min(bw, none.Width + (0.3 * bw * rng.NextDouble())), none.Height, none.Depth),
                new(Primitive.SweepRight, Math.Min(bw, none.Width + (0.3 * bw * rng.NextDouble())), none.Height, none.Depth),
                new(Primitive.Flip, Math.Min(bw, none.Width + (0.2 * bw * rng.NextDouble())), bh * rng.NextDouble(), bd * 0.8),
                new(Primitive.Stack, bw * rng.NextDouble(), bh * (1 - fill) * 0.8, bd * 0.8),
                new(Primitive.Slot, bw * 0.3 * rng.NextDouble(), bh * 0.9, bd * 0.9),
            ];
            bins.Add(new BinSpaceEstimate(spec.Id, 0, spec.Volume * (1 - fill), none, 0.9, spaces, [(float)bd], 1, 1));
        }

        return new PodSpaceEstimate(new PodId("POD-BENCH"), 0, bins);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StowCell.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("StowCell.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class DecisionPercentileConfig : ManualConfig
    {
        public DecisionPercentileConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P95);
    }
}
