using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stow.Tools.PlanEval;
using Stow.Core.Catalog;
using Stow.Core.Pods;

namespace Stow.Tools.Cli;

/// <summary>
/// <c>stowcell risk fit [--catalog mixed] [--seeds A-B] [--holdout C-D] [--out models/risk.json] [--json]</c>: runs
/// prior-planner shifts with 5 % exploration on the training seeds, fits the learned success model on their attempt
/// records, saves it, and compares prior and learned calibration (Brier, ECE, deciles) on shifts of the held-out
/// seeds. Exit codes: 0 success, 2 bad input or missing data (or overlapping seed sets).
/// </summary>
public static class RiskCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var catalog = new Option<string>("--catalog") { Description = "Item catalogue: olist, arc2017, mixed", DefaultValueFactory = _ => "mixed" };
        var seeds = new Option<string>("--seeds") { Description = "Training seeds A-B", DefaultValueFactory = _ => "101-112" };
        var holdout = new Option<string>("--holdout") { Description = "Held-out seeds C-D (disjoint from --seeds)", DefaultValueFactory = _ => "201-204" };
        var pods = new Option<int>("--pods") { Description = "Pods per shift", DefaultValueFactory = _ => 6 };
        var output = new Option<string?>("--out") { Description = "Model file to write (default models/risk.json in the repository)" };
        var json = CliCommon.JsonOption();
        var data = CliCommon.DataOption();
        var podType = CliCommon.PodTypeOption();
        var fit = new Command("fit", "Fit the learned success model on simulated shifts and report held-out calibration");
        foreach (var o in new Option[] { catalog, seeds, holdout, pods, output, json, data, podType })
        {
            fit.Options.Add(o);
        }

        fit.SetAction(pr =>
        {
            try
            {
                var train = CliCommon.Seeds(pr.GetValue(seeds)!);
                var test = CliCommon.Seeds(pr.GetValue(holdout)!);
                var n = pr.GetValue(pods);
                if (train.Intersect(test).Any() || n < 1)
                {
                    Console.Error.WriteLine("stowcell risk fit: --holdout must not share seeds with --seeds, and --pods must be ≥ 1");
                    return 2;
                }

                var name = pr.GetValue(catalog)!;
                var items = CatalogLoader.LoadWithDefaults(name, pr.GetValue(data));
                var type = CliCommon.PodType(pr.GetValue(podType)!);
                var types = CliCommon.PodTypes();
                var file = RiskFit.Fit(name, items, type, types, train, n);
                var path = pr.GetValue(output) ?? PlanCommand.DefaultModelPath();
                file.Save(path);
                var learned = RiskModelFile.Load(path).ToModel();
                var held = RiskFit.Collect(items, type, types, test, n);
                var (prior, fitted) = RiskFit.Compare(learned, held);
                var heldText = $"seeds {test.Min()}-{test.Max()}";
                var verdict = RiskFit.Verdict(prior, fitted, heldText);
                if (pr.GetValue(json))
                {
                    var o = new JsonObject
                    {
                        ["catalog"] = name,
                        ["pod_type"] = type.Name,
                        ["training_seeds"] = pr.GetValue(seeds),
                        ["holdout_seeds"] = pr.GetValue(holdout),
                        ["pods_per_shift"] = n,
                        ["training_records"] = file.Records,
                        ["holdout_records"] = held.Count,
                        ["model"] = path,
                        ["holdout"] = EvalJson.Comparison(prior, fitted),
                        ["verdict"] = verdict,
                    };
                    Console.WriteLine(o.ToJsonString(EvalJson.Options));
                    return 0;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"risk fit: {name} on {type.Name}, training seeds {pr.GetValue(seeds)} ({file.Records} records, {file.Parameters.Iterations} IRLS iterations), {n} pods per shift; wrote {path}"));
                Console.WriteLine($"held-out seeds {pr.GetValue(holdout)}: {held.Count} records");
                Console.WriteLine();
                Console.WriteLine("prior:");
                Console.Write(prior.ToMarkdown());
                Console.WriteLine();
                Console.WriteLine("learned:");
                Console.Write(fitted.ToMarkdown());
                Console.WriteLine();
                Console.WriteLine(verdict);
                return 0;
            }
            catch (Exception e) when (e is CatalogException or PodConfigException or IOException or JsonException or FormatException or InvalidOperationException)
            {
                Console.Error.WriteLine($"stowcell risk fit: {e.Message}");
                return 2;
            }
        });
        var cmd = new Command("risk", "Success-model tools");
        cmd.Subcommands.Add(fit);
        return cmd;
    }
}
