using Microsoft.Extensions.Logging;
using Stow.Cell.Outcomes;
using Stow.Core.Space;

namespace Stow.Cell.Shift;

/// <summary>The cell's reading of each attempt, and the simulator's truth beside it (partial of <see cref="ShiftRunner"/>).</summary>
public sealed partial class ShiftRunner
{
    /// <summary>Reads a completed motion's outcome from the beams, the feed, the re-perceived bin and its depth change.</summary>
    private (WorldOutcome Outcome, OutcomeEvidence? Evidence) ReadOutcome(MotionReport motion, StowAction action, BinSpaceEstimate before, BinSpaceEstimate after)
    {
        var inPaddles = _motion.ItemInPaddles();
        var visible = _perception.SeesStowedItems;
        var evidence = !inPaddles && visible
            ? OutcomeClassifier.Sense(motion, action, _world.PodType[action.Bin], before, after, _perception.LastChange(action.Bin))
            : null;
        return (OutcomeClassifier.Classify(motion, inPaddles, visible, evidence), evidence);
    }

    /// <summary>
    /// In simulation, the scorer sets the world's truth beside the cell's reading (and the re-perceived bin beside the true
    /// one: the perception error plotted in the report); each attempt's evidence is logged (debug) with both, and each
    /// disagreement counted by truth and reading (<c>outcome_misreads</c>). Nothing of it flows back into the shift's decisions.
    /// </summary>
    private AttemptScore? ScoreOutcome(StowAction action, WorldOutcome outcome, OutcomeEvidence? evidence, BinSpaceEstimate updated)
    {
        var score = _scorer?.Score(action, outcome, updated);
        if (score is null)
        {
            return null;
        }

        _scores.Add((score.Truth, outcome.Kind));
        if (score.Truth != outcome.Kind)
        {
            var key = $"{score.TruthReason} read as {outcome.Reason}";
            _misreads[key] = _misreads.GetValueOrDefault(key) + 1;
        }

        _log.LogDebug("outcome of {Item} in {Bin} via {Chain} at y {Lateral:F3} m: read {Reading}, truth {TruthReason}; {Evidence}",
            action.Item.Id, action.Bin, action.ChainText, action.Lateral, outcome.Reason, score.TruthReason, evidence?.ToString() ?? "no evidence");
        return score;
    }
}
