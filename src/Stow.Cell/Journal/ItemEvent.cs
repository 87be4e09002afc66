using Stow.Core.Ids;

namespace Stow.Cell.Journal;

/// <summary>One change in an item's state: an entry of its history.</summary>
/// <param name="Seq">Journal-wide sequence number (increasing).</param>
/// <param name="Item">Item.</param>
/// <param name="At">UTC time.</param>
/// <param name="From">Location before; null for the induct event.</param>
/// <param name="To">Location after.</param>
/// <param name="AttemptId">Attempt that caused it, if any.</param>
/// <param name="Note">What happened (e.g. "inducted", "attempt 12 Stowed", "flagged: in flight at start-up").</param>
public sealed record ItemEvent(
    long Seq, ItemId Item, DateTimeOffset At, ItemLocation? From, ItemLocation To, long? AttemptId, string Note);
