using Stow.Core.Ids;
using Stow.Core.Outcomes;
using Stow.Core.Space;

namespace Stow.Cell.Journal;

/// <summary>One stow attempt as recorded.</summary>
/// <param name="Id">Attempt id (increasing).</param>
/// <param name="Item">Item.</param>
/// <param name="Pod">Target pod.</param>
/// <param name="Bin">Target bin.</param>
/// <param name="Chain">Primitive chain.</param>
/// <param name="PredictedSuccess">Predicted probability of success.</param>
/// <param name="Plan">Plan text.</param>
/// <param name="StartedAt">UTC start.</param>
/// <param name="EndedAt">UTC end; null while open.</param>
/// <param name="Outcome">Outcome; null while open.</param>
/// <param name="Detail">Outcome detail (reason), may be empty.</param>
/// <param name="Timings">Phase durations [s].</param>
public sealed record AttemptRecord(
    long Id, ItemId Item, PodId Pod, BinId Bin, IReadOnlyList<Primitive> Chain, double PredictedSuccess, string Plan,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, StowOutcome? Outcome, string Detail, AttemptTimings Timings);
