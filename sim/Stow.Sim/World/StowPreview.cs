namespace Stow.Sim.World;

/// <summary>What a stow would do (<see cref="SimPod.Preview"/>), with no randomness drawn. Immutable value.</summary>
/// <param name="Plan">Where the item would end after the chain ran.</param>
/// <param name="Probabilities">The outcome model's probabilities for it.</param>
public readonly record struct StowPreview(InsertionPlan Plan, OutcomeProbabilities Probabilities);
