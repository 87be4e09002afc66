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
    /// success, 4.8% defects, 9.3% unproductive and 300 UPH design target; and issue #16's for pods as they come back
    /// from the floor: at least 80 % of inducted items stowed (the published design target) and pods leaving at 45 %
    /// density or more.
    /// </summary>
    /// <param name="s">The figures.</param>
    /// <returns>One check per target.</returns>
    public static List<TargetCheck> ForDefaultRun(ShiftSummary s) =>
    [
        new("success_rate", ">=", 0.90, s.SuccessRate),
        new("defect_rate", "<=", 0.02, s.DefectRate),
        new("unproductive_rate", "<=", 0.08, s.UnproductiveRate),
        new("uph", ">=", 300, s.Uph),
        new("unaccounted", "<=", 0, s.Unaccounted),
        new("stowed_of_inducted", ">=", 0.80, s.StowedOfInducted),
        new("density_at_swap", ">=", 0.45, s.DensityAtSwap),
    ];

    /// <summary>
    /// Judges the default-run targets on <paramref name="s"/> only when the run used the default configuration:
    /// with no <paramref name="differences"/>, <see cref="ShiftSummary.Targets"/> gets <see cref="ForDefaultRun"/>;
    /// otherwise the targets are left out and <see cref="ShiftSummary.TargetsNote"/> says which settings differ.
    /// </summary>
    /// <param name="s">The figures (modified).</param>
    /// <param name="differences">Settings that differ from the default configuration, as <c>key = value</c>.</param>
    public static void Judge(ShiftSummary s, IReadOnlyList<string> differences)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(differences);
        s.TargetsJudged = differences.Count == 0;
        s.Targets = s.TargetsJudged ? ForDefaultRun(s) : [];
        s.TargetsNote = s.TargetsJudged
            ? string.Empty
            : "targets not judged: the default-run targets apply to the default configuration only, and this run differs in " + string.Join(", ", differences);
    }
}
