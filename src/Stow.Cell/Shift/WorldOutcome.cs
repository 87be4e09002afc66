namespace Stow.Cell.Shift;

/// <summary>Outcome class of one stow attempt, as the journal records it.</summary>
public enum OutcomeKind
{
    /// <summary>The item is in the bin, behind the bands.</summary>
    Stowed,

    /// <summary>The item was not stowed and went back to the buffer.</summary>
    Unproductive,

    /// <summary>The item was damaged, dropped or left protruding.</summary>
    Defect,
}

/// <summary>What happened to the item: the cell's reading of an attempt (<see cref="Outcomes.OutcomeClassifier"/>), or
/// the world's truth on the simulator's side. Immutable.</summary>
/// <param name="Kind">Outcome class.</param>
/// <param name="Reason">Short machine-readable reason (e.g. <c>protruding</c>, <c>slumped</c>).</param>
/// <param name="StoppedShort">The item went in less far than planned (something in its lane stopped it: left protruding,
/// or blocked outside); the EOAT's feed length tells the cell.</param>
public sealed record WorldOutcome(OutcomeKind Kind, string Reason, bool StoppedShort = false);
