using Stow.Core.Outcomes;
using Stow.Cell.Shift;

namespace Stow.Cell.Outcomes;

/// <summary>The truth of one attempt beside the cell's reading. Immutable.</summary>
/// <param name="Truth">What really happened (outcome class).</param>
/// <param name="TruthReason">The world's reason (e.g. <c>slumped</c>).</param>
/// <param name="PerceptionError">Free-volume error of the re-perceived bin against the truth, as a fraction of the bin's
/// volume; null when perception was the truth itself.</param>
public sealed record AttemptScore(StowOutcome Truth, string TruthReason, double? PerceptionError);
