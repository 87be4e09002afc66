using System.Text.Json.Serialization;

namespace Stow.Cell.Reporting;

/// <summary>
/// The figures every shift prints and writes to <c>summary.json</c> (issue "Main job", item 4).
/// Rates are fractions of <see cref="Attempted"/>; times on the simulated clock. Plain DTO.
/// </summary>
public sealed class ShiftSummary
{
    /// <summary>Run configuration name (e.g. <c>cell.sim</c>).</summary>
    [JsonPropertyName("config")]
    public string Config { get; set; } = string.Empty;

    /// <summary>Seed of the run.</summary>
    [JsonPropertyName("seed")]
    public int Seed { get; set; }

    /// <summary>Catalogue the items came from.</summary>
    [JsonPropertyName("catalog")]
    public string Catalog { get; set; } = string.Empty;

    /// <summary>Items inducted into the buffer.</summary>
    [JsonPropertyName("inducted")]
    public int Inducted { get; set; }

    /// <summary>Stow attempts made.</summary>
    [JsonPropertyName("attempted")]
    public int Attempted { get; set; }

    /// <summary>Attempts that ended with the item stowed.</summary>
    [JsonPropertyName("stowed")]
    public int Stowed { get; set; }

    /// <summary>Attempts that ended with the item not stowed (returned).</summary>
    [JsonPropertyName("unproductive")]
    public int Unproductive { get; set; }

    /// <summary>Attempts that ended damaged, dropped or protruding.</summary>
    [JsonPropertyName("defect")]
    public int Defect { get; set; }

    /// <summary>Items routed to the exception path (fit no bin).</summary>
    [JsonPropertyName("exceptions")]
    public int Exceptions { get; set; }

    /// <summary>stowed / attempted.</summary>
    [JsonPropertyName("success_rate")]
    public double SuccessRate { get; set; }

    /// <summary>defect / attempted.</summary>
    [JsonPropertyName("defect_rate")]
    public double DefectRate { get; set; }

    /// <summary>unproductive / attempted.</summary>
    [JsonPropertyName("unproductive_rate")]
    public double UnproductiveRate { get; set; }

    /// <summary>Units stowed per hour on the simulated clock [1/h].</summary>
    [JsonPropertyName("uph")]
    public double Uph { get; set; }

    /// <summary>Simulated shift duration [s].</summary>
    [JsonPropertyName("sim_seconds")]
    public double SimSeconds { get; set; }

    /// <summary>Pods used (presented to the cell).</summary>
    [JsonPropertyName("pods")]
    public int Pods { get; set; }

    /// <summary>Mean volumetric density (item volume / bin volume) of pods at swap.</summary>
    [JsonPropertyName("density_at_swap")]
    public double DensityAtSwap { get; set; }

    /// <summary>Decision latency p50 [ms], wall clock.</summary>
    [JsonPropertyName("decision_ms_p50")]
    public double DecisionMsP50 { get; set; }

    /// <summary>Decision latency p99 [ms], wall clock.</summary>
    [JsonPropertyName("decision_ms_p99")]
    public double DecisionMsP99 { get; set; }

    /// <summary>Perception latency p50 [ms], wall clock.</summary>
    [JsonPropertyName("perception_ms_p50")]
    public double PerceptionMsP50 { get; set; }

    /// <summary>Perception latency p99 [ms], wall clock.</summary>
    [JsonPropertyName("perception_ms_p99")]
    public double PerceptionMsP99 { get; set; }

    /// <summary>Control-loop jitter p99 [ms].</summary>
    [JsonPropertyName("loop_jitter_ms_p99")]
    public double LoopJitterMsP99 { get; set; }

    /// <summary>Mean predicted P over attempts.</summary>
    [JsonPropertyName("mean_predicted_p")]
    public double MeanPredictedP { get; set; }

    /// <summary>Brier score of the predictions against realized success.</summary>
    [JsonPropertyName("brier")]
    public double Brier { get; set; }

    /// <summary>Items inducted but not accounted for in exactly one place in the journal (must be 0).</summary>
    [JsonPropertyName("unaccounted")]
    public int Unaccounted { get; set; }

    /// <summary>
    /// Share of attempts where the cell's own reading of the outcome (<see cref="Outcomes.OutcomeClassifier"/>) agrees
    /// with the simulated world's truth; null when no scorer ran (a live cell).
    /// </summary>
    [JsonPropertyName("outcome_agreement")]
    public double? OutcomeAgreement { get; set; }

    /// <summary>Attempts by the world's truth (outer key) and the cell's reading (inner key); null when no scorer ran.</summary>
    [JsonPropertyName("outcome_confusion")]
    public Dictionary<string, Dictionary<string, int>>? OutcomeConfusion { get; set; }

    /// <summary>Targets of the default run and whether each is met.</summary>
    [JsonPropertyName("targets")]
    public List<TargetCheck> Targets { get; set; } = [];
}
