using System.CommandLine;
using System.Text.Json;
using Stow.Tools.PlanEval;
using Stow.Core.Catalog;
using Stow.Core.Pods;

namespace Stow.Tools.Cli;

/// <summary>
/// <c>stowtools plan eval --catalog olist --pods 20 --seed S [--seeds A-B] [--perception onnx|groundtruth] [--json]</c>:
/// the prior planner, the learned planner and the largest-free-volume baseline (with <c>--seeds</c> also the constrained
/// planner, <c>models/risk-monotone.json</c> when present, and the planner without space-making, plus the off-policy
/// estimates) on the simulated world, by default on the space the cell's ONNX perception estimates on rendered frames,
/// same seed and items; one comparison table (or JSON). The learned model is <c>models/risk.json</c> when present, else fitted on the fly on
/// seeds disjoint from S. Exit codes: 0 success, 2 bad input or missing data.
/// </summary>
public static class PlanCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var catalog = new Option<string>("--catalog") { Description = "Item catalogue: olist, arc2017, mixed", DefaultValueFactory = _ => "olist" };
        var pods = new Option<int>("--pods") { Description = "Pods to fill per policy (the shift ends there)", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed of items, world and exploration", DefaultValueFactory = _ => 1 };
        var prefill = new Option<double?>("--prefill") { Description = "Arrival fill uniform in [0, this] instead of the world's Sim:Arrival range, in [0, 1)" };
        var world = new Option<string[]>("--config") { Description = "World file(s) with Sim: keys, layered in order over the defaults (config/worlds/*.json)", AllowMultipleArgumentsPerToken = true };
        var seeds = new Option<string?>("--seeds") { Description = "Run seeds A-B (≥ 1): five policies per seed on common random numbers, each figure with a 95 % interval over the seeds" };
        var model = new Option<string?>("--model") { Description = "Learned model file (default models/risk.json in the repository)" };
        var perception = new Option<string>("--perception")
        {
            Description = "Space the planner sees: onnx (the cell's ONNX perception on rendered frames, default) or groundtruth (the simulator's truth, for comparison)",
            DefaultValueFactory = _ => "onnx",
        };
        perception.AcceptOnlyFromAmong("onnx", "groundtruth");
        var floor = new Option<double?>("--floor") { Description = "The planners' P floor in (0, 0.96] (default 0.92): the lowest predicted P they stow at" };
        var json = CliCommon.JsonOption();
        var data = CliCommon.DataOption();
        var podType = CliCommon.PodTypeOption();
        var eval = new Command("eval", "Compare the prior planner, the learned planner and the largest-free-volume baseline");
        foreach (var o in new Option[] { catalog, pods, seed, seeds, prefill, world, model, perception, floor, json, data, podType })
        {
            eval.Options.Add(o);
        }

        eval.SetAction(pr =>
        {
            try
            {
                var n = pr.GetValue(pods);
                var p = pr.GetValue(prefill);
                if (n < 1 || p is < 0 or >= 1 || pr.GetValue(floor) is <= 0 or > 0.96)
                {
                    Console.Error.WriteLine("stowtools plan eval: --pods must be ≥ 1, --prefill in [0, 1) and --floor in (0, 0.96]");
                    return 2;
                }

                var name = pr.GetValue(catalog)!;
                var type = CliCommon.PodType(pr.GetValue(podType)!);
                var items = CliCommon.CatalogFor(name, pr.GetValue(data), type);
                var types = CliCommon.PodTypes();
                var worldOptions = WorldFiles.Load(pr.GetValue(world) ?? []);
                if (p is { } max)
                {
                    worldOptions = worldOptions with { Arrival = Stow.Sim.World.PodArrivalOptions.UpTo(max) };
                }

                var options = new EvalShiftOptions { Pods = n, Seed = pr.GetValue(seed), World = worldOptions, Floor = pr.GetValue(floor) };
                using var space = pr.GetValue(perception) == "groundtruth"
                    ? PerceivedSpace.GroundTruth
                    : PerceivedSpace.Onnx(Stow.Sim.Cell.Perception.PerceptionModels.DefaultFolder(), type, pr.GetValue(data));
                var spaceText = space.Mode == EvalPerception.GroundTruth ? "ground-truth space" : $"space from the ONNX perception on rendered frames ({space.ExecutionProvider})";
                var modelPath = pr.GetValue(model) ?? DefaultModelPath();
                var (learned, source) = PlanEvaluation.LearnedModel(modelPath, name, items, type, types, options.Seed);
                if (pr.GetValue(seeds) is { } seedText)
                {
                    var list = CliCommon.Seeds(seedText);
                    var monotonePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, "risk-monotone.json");
                    var (monotone, monotoneSource) = File.Exists(monotonePath)
                        ? LoadMonotone(monotonePath)
                        : PlanEvalSeries.FitMonotone(items, type, types, Math.Min(n, 5), space);
                    var (series, offPolicy) = PlanEvalSeries.Run(items, type, types, options, list, learned, monotone, space);
                    var worldName = string.Join(" + ", pr.GetValue(world) ?? []) is { Length: > 0 } wn ? wn : "default";
                    if (pr.GetValue(json))
                    {
                        Console.WriteLine(PlanEvalSeriesReport.Json(worldName, list, n, [source, monotoneSource], series, offPolicy, spaceText).ToJsonString(EvalJson.Options));
                        return 0;
                    }

                    Console.WriteLine($"plan eval: {name} items on {type.Name}, {n} pods per policy and seed, seeds {seedText}, world {worldName}, {spaceText}");
                    Console.WriteLine($"learned model: {source}");
                    Console.WriteLine(monotoneSource);
                    Console.WriteLine();
                    PlanEvalSeriesReport.WriteTable(Console.Out, series);
                    Console.WriteLine();
                    Console.WriteLine("Off-policy estimates from the prior planner's logs (before deployment) beside the on-policy success:");
                    PlanEvalSeriesReport.WriteOffPolicy(Console.Out, offPolicy, series);
                    return 0;
                }

                var report = PlanEvaluation.Run(name, items, type, types, options, learned, source, space);
                if (pr.GetValue(json))
                {
                    Console.WriteLine(EvalJson.PlanEval(report).ToJsonString(EvalJson.Options));
                    return 0;
                }

                Console.WriteLine($"plan eval: {name} items on {type.Name}, {n} pods per policy, seed {options.Seed}, arrival fill {options.World.Arrival.MinFill:P0}-{options.World.Arrival.MaxFill:P0}, {spaceText}");
                Console.WriteLine($"learned model: {source}");
                Console.WriteLine();
                EvalJson.WriteTable(Console.Out, report.Policies);
                EvalJson.WriteDetails(Console.Out, report.Policies);
                Console.WriteLine();
                Console.WriteLine(report.Verdict);
                return 0;
            }
            catch (Exception e) when (e is CatalogException or PodConfigException or IOException or JsonException or ArgumentException or Stow.Sim.World.SimConfigException or InvalidDataException or FormatException
                or Stow.Perception.Onnx.ModelContractException or Stow.Perception.Onnx.OnnxRuntimeException)
            {
                Console.Error.WriteLine($"stowcell plan eval: {e.Message}");
                return 2;
            }
        });
        var cmd = new Command("plan", "Planning tools");
        cmd.Subcommands.Add(eval);
        cmd.Subcommands.Add(Reach());
        return cmd;
    }

    /// <summary>
    /// <c>stowtools plan reach [--catalog mixed] [--pods 20] [--items 400] [--seed 1] [--config WORLD...] [--floor 0.90] [--json]</c>:
    /// the pod-reach survey (<see cref="PodReachSurvey"/>): how many arriving pods have room for each item, and the
    /// ceiling of stowed of inducted it implies. Exit codes: 0 success, 2 bad input or missing data.
    /// </summary>
    private static Command Reach()
    {
        var catalog = new Option<string>("--catalog") { Description = "Item catalogue: olist, arc2017, mixed (the cell's default)", DefaultValueFactory = _ => "mixed" };
        var pods = new Option<int>("--pods") { Description = "Arriving pods to survey", DefaultValueFactory = _ => 20 };
        var count = new Option<int>("--items") { Description = "Items to survey", DefaultValueFactory = _ => 400 };
        var seed = new Option<int>("--seed") { Description = "Seed of the prefill and item streams", DefaultValueFactory = _ => 1 };
        var world = new Option<string[]>("--config") { Description = "World file(s) with Sim: keys, layered in order over the defaults (config/worlds/*.json)", AllowMultipleArgumentsPerToken = true };
        var floor = new Option<double>("--floor") { Description = "P floor a candidate must reach, in (0, 1] (default 0.90, config/cell.sim.json)", DefaultValueFactory = _ => 0.90 };
        var prefill = new Option<double?>("--prefill") { Description = "Arrival fill uniform in [0, this] instead of the world's Sim:Arrival range, in [0, 1) (config/worlds/light-arrivals.json is 0.15)" };
        var perception = new Option<string>("--perception")
        {
            Description = "Space surveyed: groundtruth (the simulator's truth: the ceiling, default) or onnx (what the cell's ONNX perception reports on rendered frames)",
            DefaultValueFactory = _ => "groundtruth",
        };
        perception.AcceptOnlyFromAmong("onnx", "groundtruth");
        var json = CliCommon.JsonOption();
        var data = CliCommon.DataOption();
        var podType = CliCommon.PodTypeOption();
        var reach = new Command("reach", "How many arriving pods have room for each item (ground truth): the ceiling of stowed of inducted");
        foreach (var o in new Option[] { catalog, pods, count, seed, world, floor, prefill, perception, json, data, podType })
        {
            reach.Options.Add(o);
        }

        reach.SetAction(pr =>
        {
            try
            {
                if (pr.GetValue(pods) is < 1 or > 1000 || pr.GetValue(count) is < 1 or > 100_000 || pr.GetValue(floor) is not (> 0 and <= 1) || pr.GetValue(prefill) is < 0 or >= 1)
                {
                    Console.Error.WriteLine("stowtools plan reach: --pods must be in [1, 1000], --items in [1, 100000], --floor in (0, 1] and --prefill in [0, 1)");
                    return 2;
                }

                var name = pr.GetValue(catalog)!;
                var type = CliCommon.PodType(pr.GetValue(podType)!);
                var items = CliCommon.CatalogFor(name, pr.GetValue(data), type);
                var worldFiles = pr.GetValue(world) ?? [];
                var worldOptions = WorldFiles.Load(worldFiles);
                var worldName = worldFiles.Length > 0 ? string.Join(" + ", worldFiles) : "default";
                if (pr.GetValue(prefill) is { } max)
                {
                    worldOptions = worldOptions with { Arrival = Stow.Sim.World.PodArrivalOptions.UpTo(max) };
                    worldName += System.FormattableString.Invariant($", arrivals uniform in [0, {max}]");
                }

                using var space = pr.GetValue(perception) == "onnx"
                    ? PerceivedSpace.Onnx(Stow.Sim.Cell.Perception.PerceptionModels.DefaultFolder(), type, pr.GetValue(data))
                    : PerceivedSpace.GroundTruth;
                var spaceText = space.Mode == EvalPerception.GroundTruth ? "ground-truth space" : $"space from the ONNX perception ({space.ExecutionProvider})";
                var r = PodReachSurvey.Run(items, type, worldOptions, pr.GetValue(pods), pr.GetValue(count), pr.GetValue(seed), pr.GetValue(floor), space);
                if (pr.GetValue(json))
                {
                    var node = new System.Text.Json.Nodes.JsonObject
                    {
                        ["catalog"] = name,
                        ["world"] = worldName,
                        ["space"] = spaceText,
                        ["pods"] = r.Pods,
                        ["items"] = r.Items,
                        ["floor"] = r.Floor,
                        ["arrival_density"] = r.ArrivalDensity,
                        ["mean_reach"] = r.MeanReach,
                        ["no_pod_share"] = r.NoPod,
                        ["no_geometric_fit_share"] = r.NoPodGeometric,
                        ["stowable_ceiling"] = r.StowableCeiling,
                        ["histogram"] = new System.Text.Json.Nodes.JsonArray(r.Histogram.Select(h => (System.Text.Json.Nodes.JsonNode?)h).ToArray()),
                    };
                    Console.WriteLine(node.ToJsonString(EvalJson.Options));
                    return 0;
                }

                var ci = System.Globalization.CultureInfo.InvariantCulture;
                Console.WriteLine(string.Create(ci, $"plan reach: {r.Items} {name} items on {r.Pods} arriving {type.Name} pods (world {worldName}, {spaceText}, arrival density {r.ArrivalDensity:P1}), P floor {r.Floor:F2}"));
                Console.WriteLine(string.Create(ci, $"  mean reach (share of pods with room for an item): {r.MeanReach:P1}"));
                Console.WriteLine(string.Create(ci, $"  items no pod has room for at P >= {r.Floor:F2}: {r.NoPod:P1} (no geometric fit at all: {r.NoPodGeometric:P1})"));
                Console.WriteLine(string.Create(ci, $"  ceiling of stowed of inducted on such pods: {r.StowableCeiling:P1}"));
                Console.WriteLine("  items by pods with room: " + string.Join(' ', r.Histogram.Select((h, k) => string.Create(ci, $"{k}:{h}"))));
                return 0;
            }
            catch (Exception e) when (e is CatalogException or PodConfigException or IOException or JsonException or ArgumentException or Stow.Sim.World.SimConfigException or InvalidDataException
                or Stow.Perception.Onnx.ModelContractException or Stow.Perception.Onnx.OnnxRuntimeException)
            {
                Console.Error.WriteLine($"stowtools plan reach: {e.Message}");
                return 2;
            }
        });
        return reach;
    }

    /// <summary>The constrained model that <c>risk fit</c> wrote, with a sentence saying where it came from.</summary>
    /// <exception cref="InvalidDataException">The file is malformed (the message names the file and the field).</exception>
    private static (Stow.Planning.Risk.ISuccessModel Model, string Source) LoadMonotone(string path)
    {
        var file = MonotoneModelFile.Load(path);
        try
        {
            return (file.ToModel(), System.FormattableString.Invariant(
                $"constrained model loaded from {path} ({file.Perception} space, seeds {file.TrainingSeeds.Min()}-{file.TrainingSeeds.Max()}, {file.Records} records, IPS-weighted; Platt A {file.PlattA:F3}, B {file.PlattB:F3})"));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>models/risk.json in the repository (or the working folder when no repository is found).</summary>
    internal static string DefaultModelPath() => Path.Combine(CatalogPaths.FindRepoRoot() ?? ".", "models", "risk.json");
}
