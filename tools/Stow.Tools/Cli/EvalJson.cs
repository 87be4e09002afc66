using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Stow.Tools.PlanEval;
using Stow.Planning.Calibration;

namespace Stow.Tools.Cli;

/// <summary>JSON and text rendering of <c>plan eval</c> and <c>risk fit</c> results. Stateless.</summary>
internal static class EvalJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>One policy's figures: the evaluation summary plus items drawn/stowed, pods and the shift's end.</summary>
    public static JsonObject Policy(EvalShiftResult r)
    {
        var o = JsonSerializer.SerializeToNode(r.Summary, Options)!.AsObject();
        o["items_drawn"] = r.Items;
        o["items_attempted"] = r.ItemsAttempted;
        o["items_stowed"] = r.Shift.Summary.Stowed;
        o["pods_used"] = r.Shift.Summary.Pods;
        o["pod_limit_reached"] = r.PodLimitReached;
        o["outcomes"] = JsonSerializer.SerializeToNode(r.Outcomes, Options);
        o["sim_seconds"] = Math.Round(r.Shift.Summary.SimSeconds, 3);
        o["uph"] = Math.Round(r.Shift.Summary.Uph, 3);
        return o;
    }

    /// <summary>The plan eval object; the prior planner's headline figures also at the top level.</summary>
    public static JsonObject PlanEval(PlanEvalReport report)
    {
        var first = report.Policies[0].Summary;
        var o = new JsonObject
        {
            ["catalog"] = report.Catalog,
            ["pod_type"] = report.PodType,
            ["pods"] = report.Options.Pods,
            ["seed"] = report.Options.Seed,
            ["arrival_fill_min"] = report.Options.World.Arrival.MinFill,
            ["arrival_fill_max"] = report.Options.World.Arrival.MaxFill,
            ["exploration_rate"] = report.Options.ExplorationRate,
            ["learned_model"] = report.LearnedSource,
            ["policy"] = first.Policy,
            ["success_rate"] = first.SuccessRate,
            ["unproductive_rate"] = first.UnproductiveRate,
            ["defect_rate"] = first.DefectRate,
            ["density_at_swap"] = first.DensityAtSwap,
            ["brier"] = first.Brier,
            ["ece"] = first.Ece,
            ["policies"] = new JsonArray(report.Policies.Select(p => (JsonNode)Policy(p)).ToArray()),
            ["held_out_comparison"] = Comparison(report.PriorOnAll, report.LearnedOnAll),
            ["verdict"] = report.Verdict,
        };
        return o;
    }

    /// <summary>Prior vs learned calibration on the same records.</summary>
    public static JsonObject Comparison(CalibrationReport prior, CalibrationReport learned) => new()
    {
        ["prior"] = JsonSerializer.SerializeToNode(prior, Options),
        ["learned"] = JsonSerializer.SerializeToNode(learned, Options),
        ["learned_beats_prior_brier"] = learned.Brier < prior.Brier,
    };

    /// <summary>Plain comparison table, one row per policy.</summary>
    public static void WriteTable(TextWriter w, IReadOnlyList<EvalShiftResult> results)
    {
        w.WriteLine($"{"policy",-22} {"items",6} {"tried",6} {"attempts",8} {"stowed",6} {"success",8} {"unprod",8} {"defect",8} {"dens@swap",9} {"pods",4} {"exc",4} {"Brier",7} {"ECE",7} {"UPH",6}");
        foreach (var r in results)
        {
            var s = r.Summary;
            w.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{s.Policy,-22} {r.Items,6} {r.ItemsAttempted,6} {s.Attempts,8} {r.Shift.Summary.Stowed,6} {F(s.SuccessRate),8} {F(s.UnproductiveRate),8} {F(s.DefectRate),8} {F(s.DensityAtSwap),9} {r.Shift.Summary.Pods,4} {s.Exceptions,4} {F(s.Brier),7} {F(s.Ece),7} {r.Shift.Summary.Uph,6:F1}"));
        }
    }

    /// <summary>Chain usage and reliability deciles per policy.</summary>
    public static void WriteDetails(TextWriter w, IReadOnlyList<EvalShiftResult> results)
    {
        foreach (var r in results)
        {
            w.WriteLine();
            w.WriteLine($"{r.Summary.Policy}: chains " + string.Join(", ", r.Summary.ChainUsage.Select(kv => $"{kv.Key} {kv.Value}")));
            w.WriteLine($"{r.Summary.Policy}: outcomes " + string.Join(", ", r.Outcomes.Select(kv => $"{kv.Key} {kv.Value}")));
            if (r.Summary.Calibration is { } c)
            {
                w.WriteLine("predicted vs realized by decile:");
                w.Write(c.ToMarkdown());
            }
        }
    }

    private static string F(double? v) => v is { } x ? x.ToString("F4", System.Globalization.CultureInfo.InvariantCulture) : "-";
}
