using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stow.Tools.PlanEval;
using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Planning.Calibration;
using Stow.Planning.Risk;

namespace Stow.Tools.Cli;

/// <summary>
/// <c>stowtools risk fit [--catalog mixed] [--seeds A-B] [--calibration C-D] [--holdout E-F] [--perception onnx]
/// [--out models/risk.json] [--json]</c>: runs prior-planner shifts with 5 % exploration (propensities logged) on the
/// perceived space, fits on the training seeds (a) the unconstrained logistic model (<c>models/risk.json</c>, the file
/// the cell's <c>Planner:Model = learned</c> reads) and (b) the sign-constrained logistic model with inverse-propensity
/// weights, Platt-calibrated on the calibration seeds (<c>models/risk-monotone.json</c>), and writes the model card
/// (<c>models/risk-card.md</c>: Brier, ECE and the reliability table of the prior and both models on the held-out
/// seeds). Exit codes: 0 success, 2 bad input or missing data (or overlapping seed sets).
/// </summary>
public static class RiskCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var catalog = new Option<string>("--catalog") { Description = "Item catalogue: olist, arc2017, mixed", DefaultValueFactory = _ => "mixed" };
        var seeds = new Option<string>("--seeds") { Description = "Training seeds A-B", DefaultValueFactory = _ => "101-140" };
        var calibration = new Option<string>("--calibration") { Description = "Seeds C-D of the constrained model's Platt map (disjoint from the others)", DefaultValueFactory = _ => "141-155" };
        var holdout = new Option<string>("--holdout") { Description = "Held-out seeds E-F of the card (disjoint from the others)", DefaultValueFactory = _ => "201-215" };
        var pods = new Option<int>("--pods") { Description = "Pods per shift", DefaultValueFactory = _ => 6 };
        var perception = new Option<string>("--perception") { Description = "Space the logging planner sees: onnx (default) or groundtruth", DefaultValueFactory = _ => "onnx" };
        perception.AcceptOnlyFromAmong("onnx", "groundtruth");
        var output = new Option<string?>("--out") { Description = "Unconstrained model file to write (default models/risk.json in the repository; the constrained model and the card go beside it)" };
        var json = CliCommon.JsonOption();
        var data = CliCommon.DataOption();
        var podType = CliCommon.PodTypeOption();
        var fit = new Command("fit", "Fit the success models on logged simulated shifts and write their card (held-out calibration)");
        foreach (var o in new Option[] { catalog, seeds, calibration, holdout, pods, perception, output, json, data, podType })
        {
            fit.Options.Add(o);
        }

        fit.SetAction(pr =>
        {
            try
            {
                var train = CliCommon.Seeds(pr.GetValue(seeds)!);
                var cal = CliCommon.Seeds(pr.GetValue(calibration)!);
                var test = CliCommon.Seeds(pr.GetValue(holdout)!);
                var n = pr.GetValue(pods);
                if (train.Intersect(test).Any() || train.Intersect(cal).Any() || cal.Intersect(test).Any() || n < 1)
                {
                    Console.Error.WriteLine("stowtools risk fit: --seeds, --calibration and --holdout must not share seeds, and --pods must be ≥ 1");
                    return 2;
                }

                var name = pr.GetValue(catalog)!;
                var items = CatalogLoader.LoadWithDefaults(name, pr.GetValue(data));
                var type = CliCommon.PodType(pr.GetValue(podType)!);
                var types = CliCommon.PodTypes();
                var mode = pr.GetValue(perception)!;
                using var space = mode == "groundtruth"
                    ? PerceivedSpace.GroundTruth
                    : PerceivedSpace.Onnx(Stow.Sim.Cell.Perception.PerceptionModels.DefaultFolder(), type, pr.GetValue(data));
                var trainRecords = RiskFit.Collect(items, type, types, train, n, perception: space);
                var calRecords = RiskFit.Collect(items, type, types, cal, n, perception: space);
                var held = RiskFit.Collect(items, type, types, test, n, perception: space);
                if (calRecords.Count == 0 || held.Count == 0)
                {
                    throw new InvalidOperationException("the calibration or held-out shifts made no attempts");
                }

                var file = RiskFit.FileOf(name, type, train, n, RiskFit.TrainingExplorationRate, trainRecords);
                var path = pr.GetValue(output) ?? PlanCommand.DefaultModelPath();
                file.Save(path);
                var learned = RiskModelFile.Load(path).ToModel();
                var raw = MonotoneLogisticModel.Fit(trainRecords, new MonotoneFitOptions { InversePropensityWeights = true });
                var monotone = CalibratedSuccessModel.Fit(raw, calRecords);
                var monotonePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "risk-monotone.json");
                MonotoneModelFile.Of(monotone, name, type.Name, mode, train, cal, n, RiskFit.TrainingExplorationRate, trainRecords.Count).Save(monotonePath);
                var (prior, fitted) = RiskFit.Compare(learned, held);
                var constrained = CalibrationMetrics.ForModel(monotone, held, 10, ReliabilityBinning.EqualCount);
                var heldText = $"seeds {test.Min()}-{test.Max()}";
                var verdict = RiskFit.Verdict(prior, fitted, heldText);
                var verdictMonotone = RiskFit.Verdict(prior, constrained, heldText).Replace("The learned model", "The constrained model", StringComparison.Ordinal);
                var cardPath = Path.Combine(Path.GetDirectoryName(monotonePath)!, "risk-card.md");
                File.WriteAllText(cardPath, Card(name, type.Name, mode, pr.GetValue(seeds)!, pr.GetValue(calibration)!, pr.GetValue(holdout)!, n,
                    trainRecords.Count, calRecords.Count, held.Count, raw, monotone.Platt, prior, fitted, constrained, verdict, verdictMonotone));
                if (pr.GetValue(json))
                {
                    var o = new JsonObject
                    {
                        ["catalog"] = name,
                        ["pod_type"] = type.Name,
                        ["perception"] = mode,
                        ["training_seeds"] = pr.GetValue(seeds),
                        ["calibration_seeds"] = pr.GetValue(calibration),
                        ["holdout_seeds"] = pr.GetValue(holdout),
                        ["pods_per_shift"] = n,
                        ["training_records"] = trainRecords.Count,
                        ["calibration_records"] = calRecords.Count,
                        ["holdout_records"] = held.Count,
                        ["model"] = path,
                        ["monotone_model"] = monotonePath,
                        ["card"] = cardPath,
                        ["holdout"] = EvalJson.Comparison(prior, fitted),
                        ["holdout_monotone"] = JsonSerializer.SerializeToNode(constrained),
                        ["verdict"] = verdict,
                        ["verdict_monotone"] = verdictMonotone,
                    };
                    Console.WriteLine(o.ToJsonString(EvalJson.Options));
                    return 0;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"risk fit: {name} on {type.Name}, {mode} space, training seeds {pr.GetValue(seeds)} ({file.Records} records), {n} pods per shift; wrote {path}, {monotonePath}, {cardPath}"));
                Console.WriteLine();
                Console.Write(File.ReadAllText(cardPath));
                return 0;
            }
            catch (Exception e) when (e is CatalogException or PodConfigException or IOException or JsonException or FormatException or InvalidOperationException
                or Stow.Perception.Onnx.ModelContractException or Stow.Perception.Onnx.OnnxRuntimeException)
            {
                Console.Error.WriteLine($"stowtools risk fit: {e.Message}");
                return 2;
            }
        });
        var cmd = new Command("risk", "Success-model tools");
        cmd.Subcommands.Add(fit);
        return cmd;
    }

    private static string Card(string catalog, string podType, string perception, string train, string cal, string held, int pods,
        int nTrain, int nCal, int nHeld, MonotoneLogisticModel raw, PlattScaling platt, CalibrationReport prior, CalibrationReport learned,
        CalibrationReport monotone, string verdict, string verdictMonotone)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# Risk model card (written by `./run.sh risk fit`; do not edit by hand)");
        sb.AppendLine();
        sb.Append(ci, $"Logs: prior planner with {RiskFit.TrainingExplorationRate:P0} exploration (each decision logs its propensity), {catalog} items on {podType}, {pods} pods per shift, pods arriving 20-67 % full (`Sim:Arrival`), space seen: {perception}.").AppendLine();
        sb.Append(ci, $"Training seeds {train} ({nTrain} records); Platt calibration seeds {cal} ({nCal} records); held-out seeds {held} ({nHeld} records).").AppendLine();
        sb.AppendLine();
        sb.AppendLine("- `models/risk.json`: unconstrained logistic regression (IRLS), the cell's `Planner:Model = learned`.");
        sb.AppendLine("- `models/risk-monotone.json`: logistic regression with sign constraints (projected gradient; every clearance weight ≥ 0, so more clearance per axis never lowers P), inverse-propensity weighted, then Platt-calibrated (A ≥ 0 keeps it monotone). `plan eval`'s `planner-monotone`.");
        sb.AppendLine();
        sb.Append(ci, $"Platt map of the constrained model: A = {platt.A:F4}, B = {platt.B:F4}.").AppendLine();
        sb.AppendLine();
        sb.AppendLine("| feature | constrained weight | sign constraint |");
        sb.AppendLine("|---|---|---|");
        for (var i = 0; i < MonotoneFeatures.Count; i++)
        {
            var sign = MonotoneFeatures.Signs[i] switch { > 0 => "≥ 0", < 0 => "≤ 0", _ => "free" };
            sb.Append(ci, $"| {MonotoneFeatures.Names[i]} | {raw.Weights[i]:F4} | {sign} |").AppendLine();
        }

        foreach (var (title, report) in new[] { ("Prior model", prior), ("Unconstrained learned model (`risk.json`)", learned), ("Constrained model, calibrated (`risk-monotone.json`)", monotone) })
        {
            sb.AppendLine();
            sb.Append(ci, $"## {title} on the held-out seeds").AppendLine();
            sb.AppendLine();
            sb.Append(report.ToMarkdown());
        }

        sb.AppendLine();
        sb.AppendLine(verdict);
        sb.AppendLine();
        sb.AppendLine(verdictMonotone);
        return sb.ToString();
    }
}
