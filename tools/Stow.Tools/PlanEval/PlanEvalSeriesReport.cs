using System.Globalization;
using System.Text.Json.Nodes;

namespace Stow.Tools.PlanEval;

/// <summary>
/// Output of <see cref="PlanEvalSeries"/>: the JSON of <c>plan eval --seeds … --json</c> (per policy, each figure as
/// <c>{mean, low, high, seeds}</c>, plus <c>success_rate_ci95</c> as [low, high] and <c>chain_use</c> summed over
/// seeds) and one Markdown table with intervals. Stateless; invariant culture.
/// </summary>
public static class PlanEvalSeriesReport
{
    private static readonly (string Key, Func<PolicyFigures, double> Get)[] Figures =
    [
        ("stowed_of_inducted", f => f.StowedOfInducted),
        ("success_rate", f => f.SuccessRate),
        ("defect_rate", f => f.DefectRate),
        ("unproductive_rate", f => f.UnproductiveRate),
        ("density_at_swap", f => f.DensityAtSwap),
        ("arrival_density", f => f.ArrivalDensity),
        ("items_per_pod", f => f.ItemsPerPod),
        ("overhead_share", f => f.OverheadShare),
        ("uph", f => f.Uph),
        ("brier", f => f.Brier),
        ("ece", f => f.Ece),
    ];

    /// <summary>The JSON object.</summary>
    public static JsonObject Json(string world, IReadOnlyList<int> seeds, int pods, IReadOnlyList<string> models,
        IReadOnlyList<(string Policy, IReadOnlyList<PolicyFigures> PerSeed)> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var policies = new JsonArray();
        foreach (var (policy, perSeed) in series)
        {
            var o = new JsonObject { ["policy"] = policy };
            foreach (var (key, get) in Figures)
            {
                var i = FigureInterval.Of(perSeed.Select(get));
                o[key] = Num(i.Mean);
                o[key + "_ci95"] = new JsonArray(Num(i.Low), Num(i.High));
            }

            var use = Sum(perSeed.Select(f => f.ChainUse));
            var ok = Sum(perSeed.Select(f => f.ChainSuccess));
            o["chain_use"] = new JsonObject(use.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
            o["chain_success"] = new JsonObject(use.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Num(ok.GetValueOrDefault(kv.Key) / (double)kv.Value))));
            policies.Add(o);
        }

        return new JsonObject
        {
            ["world"] = world,
            ["seeds"] = new JsonArray(seeds.Select(s => (JsonNode?)s).ToArray()),
            ["pods_per_seed"] = pods,
            ["models"] = new JsonArray(models.Select(m => (JsonNode?)m).ToArray()),
            ["interval"] = "95 % Student-t interval of the mean over seeds",
            ["policies"] = policies,
        };
    }

    /// <summary>One Markdown table: a row per policy, mean [low, high] per figure.</summary>
    public static void WriteTable(TextWriter w, IReadOnlyList<(string Policy, IReadOnlyList<PolicyFigures> PerSeed)> series)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(series);
        string[] shown = ["stowed_of_inducted", "success_rate", "defect_rate", "unproductive_rate", "density_at_swap", "items_per_pod", "overhead_share", "uph", "brier", "ece"];
        w.WriteLine("| policy | " + string.Join(" | ", shown) + " |");
        w.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---|", shown.Length)));
        foreach (var (policy, perSeed) in series)
        {
            var cells = shown.Select(k =>
            {
                var i = FigureInterval.Of(perSeed.Select(Figures.First(f => f.Key == k).Get));
                var fmt = k is "uph" or "items_per_pod" ? "F1" : "F3";
                return double.IsNaN(i.Mean) ? "–" : $"{i.Mean.ToString(fmt, CultureInfo.InvariantCulture)} [{i.Low.ToString(fmt, CultureInfo.InvariantCulture)}, {i.High.ToString(fmt, CultureInfo.InvariantCulture)}]";
            });
            w.WriteLine($"| {policy} | {string.Join(" | ", cells)} |");
        }

        w.WriteLine();
        w.WriteLine("| policy | chain: attempts (success rate), summed over seeds |");
        w.WriteLine("|---|---|");
        foreach (var (policy, perSeed) in series)
        {
            var use = Sum(perSeed.Select(f => f.ChainUse));
            var ok = Sum(perSeed.Select(f => f.ChainSuccess));
            w.WriteLine($"| {policy} | {string.Join(", ", use.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value} ({ok.GetValueOrDefault(kv.Key) / (double)kv.Value:F2})")))} |");
        }
    }

    private static SortedDictionary<string, int> Sum(IEnumerable<IReadOnlyDictionary<string, int>> maps)
    {
        var sum = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in maps)
        {
            foreach (var (k, v) in m)
            {
                sum[k] = sum.GetValueOrDefault(k) + v;
            }
        }

        return sum;
    }

    private static JsonNode? Num(double v) => double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 5)) : null;
}
