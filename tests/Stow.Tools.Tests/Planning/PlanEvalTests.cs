using System.Text.Json;
using Microsoft.Extensions.Logging;
using Stow.Tools.PlanEval;
using Stow.Tools.Tests.Support;
using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Planning.Decision;
using Stow.Planning.Risk;

namespace Stow.Tools.Tests.Planning;

/// <summary>
/// <c>stowcell plan eval</c> and <c>risk fit</c> on tiny simulated runs (arc2017 items, one or two pods), in-process.
/// The collection keeps Console redirection away from other tests.
/// </summary>
[Collection("Console")]
public class PlanEvalTests
{
    private static readonly string[] Rates = ["success_rate", "unproductive_rate", "defect_rate", "density_at_swap", "brier", "ece"];

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    private static PodType Fabric40() => PodTypeLoader.LoadFolder(CatalogPaths.DefaultPodFolder())["fabric-40"];

    [Fact(Timeout = 120000)]
    public async Task Risk_Fit_On_A_Tiny_Run_Writes_A_Loadable_Parameters_File()
    {
        using var dir = new TempDir();
        var path = dir.File("risk.json");
        var (code, stdout, stderr) = await Task.Run(() => Run("risk", "fit", "--catalog", "arc2017", "--seeds", "11-13", "--calibration", "14-15", "--holdout", "16-17", "--pods", "1", "--perception", "groundtruth", "--out", path, "--json"));
        Assert.True(code == 0, stderr);
        var file = RiskModelFile.Load(path);
        Assert.Equal([11, 12, 13], file.TrainingSeeds);
        Assert.True(file.Records > 0);
        var model = file.ToModel();
        Assert.InRange(model.Predict(new CandidateFeatures()), 0, 1);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Contains("Brier score", doc.RootElement.GetProperty("verdict").GetString(), StringComparison.Ordinal);
        var monotone = MonotoneModelFile.Load(dir.File("risk-monotone.json"));
        Assert.Equal([14, 15], monotone.CalibrationSeeds);
        Assert.InRange(monotone.ToModel().Predict(new CandidateFeatures()), 0, 1);
        var card = File.ReadAllText(dir.File("risk-card.md"));
        Assert.Contains("| bin | predicted range | n | mean predicted | observed |", card, StringComparison.Ordinal);
        Assert.Contains("Constrained model, calibrated", card, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180000)]
    public async Task Plan_Eval_Reports_Three_Policies_In_Unit_Range_And_Repeats_For_The_Same_Seed()
    {
        using var dir = new TempDir();
        var path = dir.File("risk.json");
        var catalog = CatalogLoader.LoadWithDefaults("arc2017");
        var types = PodTypeLoader.LoadFolder(CatalogPaths.DefaultPodFolder()).Values.ToList();
        RiskFit.Fit("arc2017", catalog, Fabric40(), types, [21], 1).Save(path);
        string[] args = ["plan", "eval", "--catalog", "arc2017", "--pods", "1", "--seed", "5", "--model", path, "--perception", "groundtruth", "--json"];

        var (code, first, stderr) = await Task.Run(() => Run(args));
        var (_, second, _) = await Task.Run(() => Run(args));

        Assert.True(code == 0, stderr);
        Assert.Equal(first, second);
        using var doc = JsonDocument.Parse(first);
        var root = doc.RootElement;
        var policies = root.GetProperty("policies").EnumerateArray().ToList();
        Assert.Equal(["planner-prior", "planner-learned", "largest-free-volume"], policies.Select(p => p.GetProperty("policy").GetString()));
        foreach (var p in policies.Append(root))
        {
            foreach (var key in Rates)
            {
                Assert.InRange(p.GetProperty(key).GetDouble(), 0, 1);
            }
        }

        Assert.Equal(policies[0].GetProperty("success_rate").GetDouble(), root.GetProperty("success_rate").GetDouble());
        Assert.StartsWith("loaded", root.GetProperty("learned_model").GetString(), StringComparison.Ordinal);
        Assert.Contains("Brier score", root.GetProperty("verdict").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60000)]
    public async Task Shift_Ends_Cleanly_Without_Errors_When_The_Pod_Limit_Is_Reached()
    {
        var catalog = CatalogLoader.LoadWithDefaults("arc2017");
        var types = PodTypeLoader.LoadFolder(CatalogPaths.DefaultPodFolder()).Values.ToList();
        var options = new EvalShiftOptions { Pods = 1, Seed = 7, ItemsPerPod = 200 };
        var log = new ListLogger();
        var policy = new StowPlanner(new PriorSuccessModel(), types, EvalShift.PlannerOptions(options));

        var r = await Task.Run(() => EvalShift.Run(policy, Fabric40(), EvalShift.DrawItems(catalog, options), catalog.Items, options, log));

        Assert.True(r.PodLimitReached);
        Assert.Equal(1, r.Shift.Summary.Pods);
        Assert.Equal(0, r.Shift.Summary.Unaccounted);
        Assert.Equal(0, log.Count(LogLevel.Error));
        Assert.Contains(log.Entries, e => e.Message.Contains("pod limit 1 reached: shift complete", StringComparison.Ordinal));
        Assert.Single(r.Shift.DensityAtSwap);
        Assert.Equal(r.Shift.Summary.Attempted, r.Summary.Attempts);

        // The shift ended at its pod limit with items still buffered: they entered the cell and were not stowed, so
        // stowed of inducted counts them (leaving them out overstated it).
        var s = r.Shift.Summary;
        Assert.True(s.BufferedAtEnd > 0, "one pod cannot settle 200 items");
        Assert.Equal((double)s.Stowed / (s.Stowed + s.Exceptions + s.BufferedAtEnd), PolicyFigures.Of(r).StowedOfInducted, 12);
    }

    [Fact(Timeout = 180000)]
    public async Task Plan_Eval_Over_Seeds_Reports_Every_Figure_With_An_Interval_For_Five_Policies()
    {
        var (code, stdout, stderr) = await Task.Run(() => Run("plan", "eval", "--catalog", "arc2017", "--pods", "1", "--seeds", "3-4", "--json"));
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.StartsWith("space from the ONNX perception", doc.RootElement.GetProperty("perception").GetString(), StringComparison.Ordinal);

        var policies = doc.RootElement.GetProperty("policies").EnumerateArray().ToList();
        Assert.Equal(
            ["planner-prior", "planner-learned", "planner-monotone", "largest-free-volume", "planner-prior-no-space-making"],
            policies.Select(p => p.GetProperty("policy").GetString()));
        foreach (var p in policies)
        {
            foreach (var key in new[] { "stowed_of_inducted", "success_rate", "defect_rate", "unproductive_rate", "density_at_swap", "overhead_share", "ece" })
            {
                if (p.GetProperty(key).ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                var mean = p.GetProperty(key).GetDouble();
                var ci = p.GetProperty(key + "_ci95").EnumerateArray().Select(v => v.GetDouble()).ToList();
                Assert.InRange(mean, 0, 1);
                Assert.True(ci[0] <= mean + 1e-9 && mean <= ci[1] + 1e-9, $"{key}: {mean} outside [{ci[0]}, {ci[1]}]");
            }

            Assert.True(p.GetProperty("items_per_pod").GetDouble() >= 0);
            var use = p.GetProperty("chain_use").EnumerateObject().Select(c => c.Name).ToList();
            Assert.Equal(use, p.GetProperty("chain_success").EnumerateObject().Select(c => c.Name));
            Assert.Equal(use, p.GetProperty("chain_space_made_l").EnumerateObject().Select(c => c.Name));
            if (p.GetProperty("chain_space_made_l").TryGetProperty("None", out var none))
            {
                Assert.Equal(0, none.GetDouble());
            }
        }

        foreach (var o in doc.RootElement.GetProperty("off_policy").EnumerateArray())
        {
            Assert.Equal("planner-prior", o.GetProperty("logging_policy").GetString());
            foreach (var key in new[] { "ips", "dr" })
            {
                var e = o.GetProperty(key);
                var ci = e.GetProperty("ci95").EnumerateArray().Select(v => v.GetDouble()).ToList();
                Assert.True(ci[0] <= e.GetProperty("value").GetDouble() && e.GetProperty("value").GetDouble() <= ci[1]);
            }

            Assert.Equal(JsonValueKind.Array, o.GetProperty("on_policy_success_rate_cell_ci95").ValueKind);
        }

        Assert.Equal(["None"], policies[4].GetProperty("chain_use").EnumerateObject().Select(c => c.Name));
        Assert.Equal([3, 4], doc.RootElement.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()));
    }

    [Fact(Timeout = 60000)]
    public async Task Plan_Eval_Names_A_Bad_World_File_And_Exits_2()
    {
        using var dir = new TempDir();
        var bad = dir.File("world.json");
        File.WriteAllText(bad, "{ \"Sim\": { \"Arrival\": { \"MinFill\": 0.9, \"MaxFill\": 0.5 } } }");

        var (code, _, stderr) = await Task.Run(() => Run("plan", "eval", "--catalog", "arc2017", "--pods", "1", "--config", bad));

        Assert.Equal(2, code);
        Assert.Contains("world.json", stderr, StringComparison.Ordinal);
        Assert.Contains("Sim:Arrival needs 0 ≤ MinFill ≤ MaxFill ≤ 1", stderr, StringComparison.Ordinal);
    }
}
