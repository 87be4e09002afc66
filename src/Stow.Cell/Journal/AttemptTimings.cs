namespace Stow.Cell.Journal;

/// <summary>Durations of the phases of one attempt [s]; NaN where a phase was not measured.</summary>
/// <param name="Perceive">Perception of the pod face [s].</param>
/// <param name="Decide">Candidate scoring and choice [s].</param>
/// <param name="Act">Motion from pick to retract [s].</param>
public sealed record AttemptTimings(double Perceive, double Decide, double Act)
{
    /// <summary>No phase measured.</summary>
    public static AttemptTimings None { get; } = new(double.NaN, double.NaN, double.NaN);
}
