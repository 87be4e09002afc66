using Stow.Core.Outcomes;

namespace Stow.Cell.Shift;

/// <summary>What happened to the item: the cell's reading of an attempt (<see cref="Outcomes.OutcomeClassifier"/>), or
/// the world's truth on the simulator's side. Immutable.</summary>
/// <param name="Kind">Outcome class.</param>
/// <param name="Reason">Short machine-readable reason (e.g. <c>protruding</c>, <c>slumped</c>).</param>
/// <param name="StoppedShort">The item went in less far than planned (something in its lane stopped it: left protruding,
/// or blocked outside); the EOAT's feed length tells the cell.</param>
public sealed record WorldOutcome(StowOutcome Kind, string Reason, bool StoppedShort = false);
