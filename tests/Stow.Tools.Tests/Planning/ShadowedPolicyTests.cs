using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Planning.Calibration;
using Stow.Planning.Decision;
using Stow.Planning.Risk;
using Stow.Tools.PlanEval;

namespace Stow.Tools.Tests.Planning;

/// <summary>
/// Off-policy estimation inside <c>plan eval</c>: targets asked in the logging policy's shadow, paired with the attempt
/// records, and the space each chain made.
/// </summary>
public class ShadowedPolicyTests
{
    private static readonly ItemCatalog Catalog = CatalogLoader.LoadWithDefaults("arc2017");
    private static readonly List<PodType> Types = PodTypeLoader.LoadFolder(CatalogPaths.DefaultPodFolder()).Values.ToList();
    private static readonly PodType Fabric40 = PodTypeLoader.LoadFolder(CatalogPaths.DefaultPodFolder())["fabric-40"];

    private static (ShadowedPolicy Policy, EvalShiftResult Result) Shift(int seed, double exploration, params StowPlanner[] targets)
    {
        var options = new EvalShiftOptions { Pods = 3, Seed = seed, ItemsPerPod = 20, ExplorationRate = exploration };
        var planner = EvalShift.PlannerOptions(options);
        var shadowed = new ShadowedPolicy(new StowPlanner(new PriorSuccessModel(), Types, planner), targets);
        return (shadowed, EvalShift.Run(shadowed, Fabric40, EvalShift.DrawItems(Catalog, options), Catalog.Items, options));
    }

    [Fact(Timeout = 60000)]
    public async Task A_Target_Equal_To_The_Greedy_Logger_Agrees_Except_On_Explorations_And_Its_Estimate_Is_The_Logged_Success()
    {
        var options = new EvalShiftOptions { ExplorationRate = PlannerOptions.MaxExplorationRate };
        var greedy = new StowPlanner(new PriorSuccessModel(), Types, EvalShift.PlannerOptions(options) with { ExplorationRate = 0 });
        var (policy, r) = await Task.Run(() => Shift(31, PlannerOptions.MaxExplorationRate, greedy));

        var log = policy.Log(0, r.Records);

        Assert.True(r.Records.Count >= 5, $"only {r.Records.Count} attempts: the test says nothing");
        Assert.Equal(r.Records.Count, log.Count);
        // The greedy target takes exactly the logged action wherever the logger did not explore.
        Assert.Equal(r.Records.Select(x => x.Exploration ? 0.0 : 1.0), log.Select(d => d.TargetProbability));
        var greedyRecords = r.Records.Where(x => !x.Exploration).ToList();
        var snips = OffPolicyEstimator.SelfNormalized(log);
        // SNIPS = Σ r/μ / Σ 1/μ over the agreeing decisions, μ the logged propensity (1 − rate, or 1 with nothing to explore).
        var expected = greedyRecords.Sum(x => (x.Succeeded ? 1 : 0) / x.Propensity) / greedyRecords.Sum(x => 1 / x.Propensity);
        Assert.Equal(expected, snips.Value, 9);
        Assert.Equal(greedyRecords.Select(x => x.Propensity), log.Where(d => d.TargetProbability > 0).Select(d => d.Propensity));
        Assert.All(log, d => Assert.InRange(d.PredictedTargetReward, 0, 1));
    }

    [Fact(Timeout = 60000)]
    public async Task Records_Of_Another_Shift_Are_Refused_And_Plain_Insertions_Make_No_Space()
    {
        var (policy, r) = await Task.Run(() => Shift(32, 0.02));
        var (_, other) = await Task.Run(() => Shift(33, 0.02));

        var made = policy.SpaceMade(r.Records);

        Assert.Equal(r.Records.Select(x => x.Features.Chain.ToString()).Distinct().Order(StringComparer.Ordinal), made.Keys);
        Assert.All(made.Values, v => Assert.True(v >= 0));
        if (made.TryGetValue("None", out var none))
        {
            Assert.Equal(0, none);
        }

        Assert.Throws<InvalidOperationException>(() => policy.Log(0, other.Records.Concat(r.Records).ToList()));
    }
}
