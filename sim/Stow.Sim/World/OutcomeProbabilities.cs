namespace Stow.Sim.World;

/// <summary>
/// Outcome probabilities of one stow as the simulator's model gives them (<see cref="StowOutcomeModel"/>).
/// Defect + Unproductive + Success = 1. Immutable value.
/// </summary>
/// <param name="Defect">Probability of a defect, in [0, 1].</param>
/// <param name="Unproductive">Probability of an unproductive attempt, in [0, 1].</param>
public readonly record struct OutcomeProbabilities(double Defect, double Unproductive)
{
    /// <summary>Probability that the item is stowed.</summary>
    public double Success => Math.Max(0, 1 - Defect - Unproductive);
}
