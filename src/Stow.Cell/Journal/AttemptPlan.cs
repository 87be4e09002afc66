using Stow.Core.Ids;
using Stow.Core.Space;

namespace Stow.Cell.Journal;

/// <summary>What the planner chose for one attempt, as recorded when the attempt begins.</summary>
/// <param name="Item">Item to stow (must be in the buffer).</param>
/// <param name="Pod">Target pod (registered with <see cref="InventoryJournal.RegisterPod"/>).</param>
/// <param name="Bin">Target bin of that pod.</param>
/// <param name="Chain">Motion primitives run before insertion, in order (empty = plain insertion).</param>
/// <param name="PredictedSuccess">Planner's predicted probability of success, in [0, 1].</param>
/// <param name="Plan">Free-form plan description (e.g. JSON from the planner); may be empty.</param>
public sealed record AttemptPlan(
    ItemId Item, PodId Pod, BinId Bin, IReadOnlyList<Primitive> Chain, double PredictedSuccess, string Plan);
