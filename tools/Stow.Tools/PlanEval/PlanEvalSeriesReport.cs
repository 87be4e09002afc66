using System.Globalization;
using System.Text.Json.Nodes;

namespace Stow.Tools.PlanEval;

/// <summary>
/// Output of <see cref="PlanEvalSeries"/>: the JSON of <c>plan eval --seeds … --json</c> (per policy, each figure as
/// mean with <c>KEY_ci95</c> as [low, high]; <c>chain_use</c> (attempts), <c>chain_success</c> (success rate) and
/// <c>chain_space_made_l</c> (litres the chain made in the perceived bins, summed) per chain over the seeds), the
/// off-policy estimates (<c>off_policy</c>: IPS and doubly robust with 95 % intervals beside the on-policy value) and
/// Markdown tables with intervals. Stateless; invariant culture.
/// </summary>
public static class PlanEvalSeriesReport
{
    private static readonly (string Key, Func<PolicyFigures, double> Get)[] Figures =
    [
        ("stowed_of_inducted", f => f.StowedOfInducted),
        ("success_rate", f => f.SuccessRate),
        ("defect_rate", f => f.DefectRate),
        ("unproductive_rate", f => f.UnproductiveRate),
        ("success_rate_cell", f => f.SuccessRateCell),
        ("defect_rate_cell", f => f.DefectRateCell),
        ("outcome_agreement", f => f.OutcomeAgreement),
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
        IReadOnlyList<(string Policy, IReadOnlyList<PolicyFigures> PerSeed)> series, IReadOnlyList<OffPolicyRow> offPolicy, string perception)
    {
        ArgumentNullException.ThrowIfNull(offPolicy);
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
            var made = SumL(perSeed.Select(f => f.ChainSpaceMade));
            o["chain_space_made_l"] = new JsonObject(use.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Num(made.GetValueOrDefault(kv.Key)))));
            policies.Add(o);
        }

        return new JsonObject
        {
            ["world"] = world,
            ["seeds"] = new JsonArray(seeds.Select(s => (JsonNode?)s).ToArray()),
            ["pods_per_seed"] = pods,
            ["models"] = new JsonArray(models.Select(m => (JsonNode?)m).ToArray()),
            ["interval"] = "95 % Student-t interval of the mean over seeds",
            ["perception"] = perception,
            ["policies"] = policies,
            ["off_policy"] = new JsonArray(offPolicy.Select(r => (JsonNode?)OffPolicyJson(r, series)).ToArray()),
        };
    }

    /// <summary>One Markdown table: a row per policy, mean [low, high] per figure.</summary>
    public static void WriteTable(TextWriter w, IReadOnlyList<(string Policy, IReadOnlyList<PolicyFigures> PerSeed)> series)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(series);
        string[] shown = ["stowed_of_inducted", "success_rate", "defect_rate", "unproductive_rate", "defect_rate_cell", "density_at_swap", "items_per_pod", "overhead_share", "uph", "brier", "ece"];
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
        w.WriteLine("| policy | chain: attempts (success rate; mean litres made per attempt), summed over seeds |");
        w.WriteLine("|---|---|");
        foreach (var (policy, perSeed) in series)
        {
            var use = Sum(perSeed.Select(f => f.ChainUse));
            var ok = Sum(perSeed.Select(f => f.ChainSuccess));
            var made = SumL(perSeed.Select(f => f.ChainSpaceMade));
            w.WriteLine($"| {policy} | {string.Join(", ", use.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value} ({ok.GetValueOrDefault(kv.Key) / (double)kv.Value:F2}; {made.GetValueOrDefault(kv.Key) / kv.Value:F1} L)")))} |");
        }
    }

    /// <summary>One Markdown table of the off-policy estimates beside the on-policy success rate.</summary>
    public static void WriteOffPolicy(TextWriter w, IReadOnlyList<OffPolicyRow> offPolicy, IReadOnlyList<(string Policy, IReadOnlyList<PolicyFigures> PerSeed)> series)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(offPolicy);
        w.WriteLine("| target policy | logged by | decisions | agreement | ESS | IPS [95 %] | SNIPS [95 %] | DR [95 %] | on-policy success, cell reading [95 %] |");
        w.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in offPolicy)
        {
            var on = OnPolicy(r.Policy, series);
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Policy} | {r.LoggingPolicy} | {r.Ips.Count} | {r.Agreement:F3} | {r.Ips.EffectiveSampleSize:F0} | {r.Ips.Value:F3} [{r.Ips.Ci95.Low:F3}, {r.Ips.Ci95.High:F3}] | {Text(r.SelfNormalized)} | {r.DoublyRobust.Value:F3} [{r.DoublyRobust.Ci95.Low:F3}, {r.DoublyRobust.Ci95.High:F3}] | {on.Mean:F3} [{on.Low:F3}, {on.High:F3}] |"));
        }
    }

    private static string Text(Stow.Planning.Calibration.OffPolicyEstimate? e) =>
        e is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{e.Value:F3} [{e.Ci95.Low:F3}, {e.Ci95.High:F3}]");

    private static JsonObject OffPolicyJson(OffPolicyRow r, IReadOnlyList<(string Policy, IReadOnlyList<PolicyFigures> PerSeed)> series)
    {
        static JsonObject Est(Stow.Planning.Calibration.OffPolicyEstimate e) => new()
        {
            ["value"] = Num(e.Value),
            ["ci95"] = new JsonArray(Num(e.Ci95.Low), Num(e.Ci95.High)),
            ["decisions"] = e.Count,
            ["effective_sample_size"] = Num(e.EffectiveSampleSize),
        };
        var on = OnPolicy(r.Policy, series);
        return new JsonObject
        {
            ["policy"] = r.Policy,
            ["logging_policy"] = r.LoggingPolicy,
            ["estimand"] = "success per attempt (the cell's reading, as logged) of the greedy target on the logged contexts where it would stow",
            ["agreement"] = Num(r.Agreement),
            ["ips"] = Est(r.Ips),
            ["snips"] = r.SelfNormalized is { } sn ? Est(sn) : null,
            ["dr"] = Est(r.DoublyRobust),
            ["on_policy_success_rate_cell"] = Num(on.Mean),
            ["on_policy_success_rate_cell_ci95"] = new JsonArray(Num(on.Low), Num(on.High)),
        };
    }

    private static FigureInterval OnPolicy(string policy, IReadOnlyList<(string Policy, IReadOnlyList<PolicyFigures> PerSeed)> series) =>
        FigureInterval.Of(series.FirstOrDefault(p => p.Policy == policy).PerSeed?.Select(f => f.SuccessRateCell) ?? []);

    private static SortedDictionary<string, double> SumL(IEnumerable<IReadOnlyDictionary<string, double>> maps)
    {
        var sum = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in maps)
        {
            foreach (var (k, v) in m)
            {
                sum[k] = sum.GetValueOrDefault(k) + v;
            }
        }

        return sum;
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
