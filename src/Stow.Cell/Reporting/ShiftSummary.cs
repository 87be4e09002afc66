using System.Text.Json.Serialization;

namespace Stow.Cell.Reporting;

/// <summary>
/// The figures every shift prints and writes to <c>summary.json</c> (issue "Main job", item 4).
/// Rates are fractions of <see cref="Attempted"/> unless named otherwise (<see cref="StowedOfInducted"/>); times on the
/// simulated clock. Plain DTO.
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

    /// <summary>
    /// Items still in the buffer when the shift ended (0 when every item was settled; more when it ended at its pod limit
    /// or was stopped): inducted, neither stowed nor routed to exceptions.
    /// </summary>
    [JsonPropertyName("buffered_at_end")]
    public int BufferedAtEnd { get; set; }

    /// <summary>stowed / attempted.</summary>
    [JsonPropertyName("success_rate")]
    public double SuccessRate { get; set; }

    /// <summary>95 % Wilson interval of <see cref="SuccessRate"/> as <c>[low, high]</c> (<see cref="WilsonInterval"/>); [0, 1] with no attempts.</summary>
    [JsonPropertyName("success_rate_ci95")]
    public double[] SuccessRateCi95 { get; set; } = [0, 1];

    /// <summary>stowed / inducted: the share of the items given to the cell that ended in a bin (0 when nothing was inducted).</summary>
    [JsonPropertyName("stowed_of_inducted")]
    public double StowedOfInducted { get; set; }

    /// <summary>defect / attempted.</summary>
    [JsonPropertyName("defect_rate")]
    public double DefectRate { get; set; }

    /// <summary>unproductive / attempted.</summary>
    [JsonPropertyName("unproductive_rate")]
    public double UnproductiveRate { get; set; }

    /// <summary>
    /// Units stowed per hour [1/h]: per hour of <see cref="WallSeconds"/> when <see cref="LoopPacing"/> is
    /// <c>wall-clock</c> (a live arm), else per hour of <see cref="SimSeconds"/> (the simulated clock).
    /// </summary>
    [JsonPropertyName("uph")]
    public double Uph { get; set; }

    /// <summary>Shift duration on the shift's clock [s] (simulated; on a live arm the loop's wall time plus modelled waits such as pod swaps).</summary>
    [JsonPropertyName("sim_seconds")]
    public double SimSeconds { get; set; }

    /// <summary>Wall-clock duration of the shift [s], from Reset to the summary (the host's compute time on the simulator).</summary>
    [JsonPropertyName("wall_seconds")]
    public double WallSeconds { get; set; }

    /// <summary>Pods used (presented to the cell).</summary>
    [JsonPropertyName("pods")]
    public int Pods { get; set; }

    /// <summary>Items stowed per pod presented: stowed / pods (0 with no pod).</summary>
    [JsonPropertyName("items_per_pod")]
    public double ItemsPerPod { get; set; }

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

    /// <summary>
    /// ONNX Runtime execution providers that actually ran the perception models (from ORT's profile at load, e.g.
    /// <c>cpu</c>, <c>cuda</c>, <c>cuda+cpu</c>), not the one asked for; <c>none</c> when perception bypasses the models.
    /// </summary>
    [JsonPropertyName("execution_provider")]
    public string ExecutionProvider { get; set; } = "none";


    /// <summary>How the control loop was paced: <c>wall-clock</c> or <c>virtual-clock</c> (<c>none</c> without a loop).</summary>
    [JsonPropertyName("loop_pacing")]
    public string LoopPacing { get; set; } = "none";

    /// <summary>
    /// Control-loop jitter p99 [ms], only for a loop paced by the wall clock; null otherwise (a loop stepped on the
    /// virtual clock has no timing of its own to report, so its "jitter" would be a meaningless 0).
    /// </summary>
    [JsonPropertyName("loop_jitter_ms_p99")]
    public double? LoopJitterMsP99 { get; set; }

    /// <summary>Control-loop cycles run during the shift (0 without a loop of its own).</summary>
    [JsonPropertyName("loop_cycles")]
    public long LoopCycles { get; set; }

    /// <summary>
    /// Control-loop rate [Hz] while it ran motions: cycles per second of wall time (idle cycles between stows excluded),
    /// only for a loop paced by the wall clock (a live arm's 500 Hz RTDE states: about 500 when every cycle keeps up);
    /// null otherwise.
    /// </summary>
    [JsonPropertyName("loop_rate_hz")]
    public double? LoopRateHz { get; set; }

    /// <summary>Mean predicted P over attempts.</summary>
    [JsonPropertyName("mean_predicted_p")]
    public double MeanPredictedP { get; set; }

    /// <summary>Brier score of the predictions against realized success.</summary>
    [JsonPropertyName("brier")]
    public double Brier { get; set; }

    /// <summary>
    /// Expected calibration error of the predictions against the cell's reading of success, 10 equal-width bins
    /// (<see cref="Stow.Planning.Calibration.CalibrationMetrics.Compute"/>), in [0, 1]; null with no attempts.
    /// </summary>
    [JsonPropertyName("ece")]
    public double? Ece { get; set; }

    /// <summary>
    /// Share of stows into overhead rows (bin floor at or above <see cref="OverheadFloorHeight"/> above the pod base, the
    /// rows people need a ladder for), the cell's reading; null with no stow.
    /// </summary>
    [JsonPropertyName("overhead_share")]
    public double? OverheadShare { get; set; }

    /// <summary>Bin floor height from which a row counts as overhead [m] (as <see cref="Stow.Planning.Decision.PlannerOptions.OverheadRowMinHeight"/>' default).</summary>
    public const double OverheadFloorHeight = 1.5;

    /// <summary>Attempts per primitive chain (<c>None</c> = plain insertion, e.g. <c>SweepLeft+Slot</c>), ordinal order of the chain text.</summary>
    [JsonPropertyName("chain_use")]
    public SortedDictionary<string, int> ChainUse { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Litres of room each chain was expected to make in the perceived bins, summed over its attempts (the chain's free box
    /// less a plain insertion's, floored at 0), same keys as <see cref="ChainUse"/>; plain insertions make 0.
    /// </summary>
    [JsonPropertyName("chain_space_made_l")]
    public SortedDictionary<string, double> ChainSpaceMadeLitres { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Success rate per primitive chain (stowed / attempts of that chain), same keys as <see cref="ChainUse"/>.</summary>
    [JsonPropertyName("chain_success")]
    public SortedDictionary<string, double> ChainSuccess { get; set; } = new(StringComparer.Ordinal);

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

    /// <summary>
    /// The attempts the cell read otherwise than the simulated world's truth, counted by "truth reason read as cell reason"
    /// (e.g. <c>stowed read as missing</c>); null when no scorer ran (a live cell). Each attempt's evidence is in the debug log.
    /// </summary>
    [JsonPropertyName("outcome_misreads")]
    public SortedDictionary<string, int>? OutcomeMisreads { get; set; }

    /// <summary>
    /// True when the run used the default configuration, the only one the default-run targets are judged on
    /// (<see cref="TargetCheck.Judge"/>); false otherwise, and <see cref="Targets"/> is then empty.
    /// </summary>
    [JsonPropertyName("targets_judged")]
    public bool TargetsJudged { get; set; }

    /// <summary>Why the targets were not judged (the settings that differ from the default), or empty when they were.</summary>
    [JsonPropertyName("targets_note")]
    public string TargetsNote { get; set; } = string.Empty;

    /// <summary>Targets of the default run and whether each is met; empty when not judged (<see cref="TargetsJudged"/>).</summary>
    [JsonPropertyName("targets")]
    public List<TargetCheck> Targets { get; set; } = [];
}
