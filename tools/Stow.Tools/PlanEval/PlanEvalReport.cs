using Stow.Planning.Calibration;

namespace Stow.Tools.PlanEval;

/// <summary>The three policies of <c>stowcell plan eval</c> on one seed, and where the learned model came from. Immutable.</summary>
/// <param name="Catalog">Item catalogue name.</param>
/// <param name="PodType">Pod type name.</param>
/// <param name="Options">Pods, seed, prefill of the shifts.</param>
/// <param name="LearnedSource">How the learned model was obtained (loaded file or fitted on the fly, with its seeds).</param>
/// <param name="Policies">Prior planner, learned planner, largest-free-volume baseline, in that order.</param>
/// <param name="PriorOnAll">Prior model's calibration on every attempt of the three runs (deciles).</param>
/// <param name="LearnedOnAll">Learned model's calibration on the same attempts.</param>
/// <param name="Verdict">Whether the learned model beats the prior in Brier score on these held-out attempts, said plainly.</param>
public sealed record PlanEvalReport(
    string Catalog,
    string PodType,
    EvalShiftOptions Options,
    string LearnedSource,
    IReadOnlyList<EvalShiftResult> Policies,
    CalibrationReport PriorOnAll,
    CalibrationReport LearnedOnAll,
    string Verdict);
