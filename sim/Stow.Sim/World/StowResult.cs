using Stow.Core.Outcomes;

namespace Stow.Sim.World;

/// <summary>What one simulated stow did. Immutable value.</summary>
/// <param name="Outcome">Stowed, unproductive or defect.</param>
/// <param name="Reason">Why (None when stowed).</param>
/// <param name="Placed">The item as placed when stowed, else null.</param>
/// <param name="Plan">Where the insertion would have left the item, after the chain ran.</param>
/// <param name="Probabilities">The model's probabilities for this attempt (1 for deterministic geometric outcomes).</param>
public readonly record struct StowResult(
    StowOutcome Outcome,
    StowReason Reason,
    PlacedItem? Placed,
    InsertionPlan Plan,
    OutcomeProbabilities Probabilities);
