namespace Stow.Planning.Calibration;

using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

/// <summary>
/// The figures of one policy's evaluation run (<see cref="PolicyEvaluation.Summarize"/>), shaped for the JSON of
/// <c>stowcell plan eval --json</c> (snake_case keys, at least <c>success_rate</c>, <c>defect_rate</c>,
/// <c>unproductive_rate</c>, <c>density_at_swap</c>, <c>brier</c>; null where undefined). Immutable.
/// </summary>
/// <param name="Policy">Policy name.</param>
/// <param name="Attempts">Stow attempts.</param>
/// <param name="SuccessRate">Stowed / attempts, in [0, 1].</param>
/// <param name="UnproductiveRate">Unproductive / attempts, in [0, 1].</param>
/// <param name="DefectRate">Defects / attempts, in [0, 1].</param>
/// <param name="DensityAtSwap">Mean volumetric pod density at swap, in [0, 1].</param>
/// <param name="PodSwaps">Pod swaps recorded.</param>
/// <param name="Exceptions">Items routed to the exception path.</param>
/// <param name="Explorations">Attempts taken by exploration.</param>
/// <param name="Brier">Brier score of predicted P against outcomes.</param>
/// <param name="Ece">Expected calibration error (10 equal-width bins unless asked otherwise).</param>
/// <param name="ChainUsage">Attempts per chain (text form of <see cref="Candidates.PrimitiveChain"/>).</param>
/// <param name="Calibration">Full calibration report with the reliability table.</param>
public sealed record PolicyEvaluationSummary(
    [property: JsonPropertyName("policy")] string Policy,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("success_rate")] double? SuccessRate,
    [property: JsonPropertyName("unproductive_rate")] double? UnproductiveRate,
    [property: JsonPropertyName("defect_rate")] double? DefectRate,
    [property: JsonPropertyName("density_at_swap")] double? DensityAtSwap,
    [property: JsonPropertyName("pod_swaps")] int PodSwaps,
    [property: JsonPropertyName("exceptions")] int Exceptions,
    [property: JsonPropertyName("explorations")] int Explorations,
    [property: JsonPropertyName("brier")] double? Brier,
    [property: JsonPropertyName("ece")] double? Ece,
    [property: JsonPropertyName("chain_usage")] IReadOnlyDictionary<string, int> ChainUsage,
    [property: JsonPropertyName("calibration")] CalibrationReport? Calibration)
{
    /// <summary>
    /// One Markdown table comparing <paramref name="summaries"/> (e.g. prior planner, learned planner, largest free
    /// volume baseline); "–" where a figure is undefined. Invariant culture.
    /// </summary>
    public static string ToMarkdownTable(IEnumerable<PolicyEvaluationSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| policy | attempts | success | unproductive | defect | density at swap | swaps | exceptions | explorations | Brier | ECE |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in summaries)
        {
            sb.Append(ci, $"| {s.Policy} | {s.Attempts} | {F(s.SuccessRate)} | {F(s.UnproductiveRate)} | {F(s.DefectRate)} | {F(s.DensityAtSwap)} | {s.PodSwaps} | {s.Exceptions} | {s.Explorations} | {F(s.Brier)} | {F(s.Ece)} |")
                .AppendLine();
        }

        return sb.ToString();

        static string F(double? v) => v is { } x ? x.ToString("F4", CultureInfo.InvariantCulture) : "–";
    }
}
