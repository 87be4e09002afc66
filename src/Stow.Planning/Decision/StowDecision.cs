namespace Stow.Planning.Decision;

using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Planning.Candidates;
using Stow.Planning.Risk;

/// <summary>The result of one <see cref="IStowPolicy.Decide"/> call. Immutable.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Item">The item to stow (<see cref="DecisionKind.Stow"/>) or to route to exceptions (<see cref="DecisionKind.Exception"/>); null otherwise.</param>
/// <param name="Candidate">The chosen candidate for <see cref="DecisionKind.Stow"/>; for <see cref="DecisionKind.PodSwap"/> the best (below-threshold) candidate when one exists; null otherwise.</param>
/// <param name="IsExploration">True when the candidate was taken by exploration, not greedily; record it as such.</param>
/// <param name="BestProbability">Highest predicted success over all candidates of the buffer, in [0, 1] (0 when there is none).</param>
/// <param name="Alternatives">Next-best candidates by score, best first (at most <see cref="PlannerOptions.AlternativeCount"/>), excluding <paramref name="Candidate"/>.</param>
/// <param name="CandidateCount">Number of candidates considered.</param>
/// <param name="Reason">One line for operators and logs.</param>
/// <param name="Propensity">Probability, in (0, 1], with which the policy's random rule picked <paramref name="Candidate"/> (1 for a deterministic choice; NaN when unknown).</param>
public sealed record StowDecision(
    DecisionKind Kind,
    Item? Item,
    StowCandidate? Candidate,
    bool IsExploration,
    double BestProbability,
    IReadOnlyList<StowCandidate> Alternatives,
    int CandidateCount,
    string Reason,
    double Propensity = double.NaN)
{
    /// <summary>
    /// The attempt record of carrying out this <see cref="DecisionKind.Stow"/> decision with result
    /// <paramref name="outcome"/>: the candidate's features, its predicted P and the exploration flag. Feed such records
    /// to <see cref="Risk.LearnedSuccessModel.Fit"/> and <see cref="Calibration.CalibrationMetrics.FromRecords"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The decision is not a stow (no candidate was carried out).</exception>
    public AttemptRecord ToAttemptRecord(StowOutcome outcome)
    {
        if (Kind != DecisionKind.Stow || Candidate is not { } c)
        {
            throw new InvalidOperationException($"only a stow decision makes an attempt record; this one is {Kind}");
        }

        return new AttemptRecord(c.Features, outcome, c.Probability, IsExploration, Propensity);
    }
}
