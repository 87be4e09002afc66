using System.Text.Json.Serialization;

namespace Stow.Cell.Reporting;

/// <summary>One target of the run (e.g. success ≥ 0.90) and whether it is met.</summary>
/// <param name="Name">Figure name as in summary.json.</param>
/// <param name="Comparison"><c>&gt;=</c> or <c>&lt;=</c>.</param>
/// <param name="Target">Target value.</param>
/// <param name="Actual">Measured value.</param>
public sealed record TargetCheck(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("comparison")] string Comparison,
    [property: JsonPropertyName("target")] double Target,
    [property: JsonPropertyName("actual")] double Actual)
{
    /// <summary>True when <see cref="Actual"/> satisfies the comparison.</summary>
    [JsonPropertyName("met")]
    public bool Met => Comparison == ">=" ? Actual >= Target - 1e-12 : Actual <= Target + 1e-12;

    /// <summary>
    /// The default run's targets (issue "Main job", item 5), against the published system's ~86%
    /// success, 4.8% defects, 9.3% unproductive and 300 UPH design target.
    /// </summary>
    public static List<TargetCheck> ForDefaultRun(ShiftSummary s) =>
    [
        new("success_rate", ">=", 0.90, s.SuccessRate),
        new("defect_rate", "<=", 0.02, s.DefectRate),
        new("unproductive_rate", "<=", 0.08, s.UnproductiveRate),
        new("uph", ">=", 300, s.Uph),
        new("unaccounted", "<=", 0, s.Unaccounted),
    ];
}
