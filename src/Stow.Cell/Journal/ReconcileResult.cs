using Stow.Core.Ids;
using Stow.Core.Outcomes;

namespace Stow.Cell.Journal;

/// <summary>What start-up reconciliation found.</summary>
/// <param name="Flagged">Items that were in flight and are now flagged for an operator to verify.</param>
/// <param name="InterruptedAttempts">Open attempts closed as <see cref="StowOutcome.Interrupted"/>.</param>
/// <param name="AwaitingVerification">All items still awaiting verification (including earlier ones).</param>
public sealed record ReconcileResult(
    IReadOnlyList<ItemId> Flagged, int InterruptedAttempts, IReadOnlyList<ItemId> AwaitingVerification);
