using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Space;
using Stow.Planning.Candidates;

namespace Stow.Cell.Shift;

/// <summary>One planned stow: which item, into which bin, where across it, in which orientation, with which primitive chain. Immutable.</summary>
/// <param name="Item">The item (from the buffer).</param>
/// <param name="Bin">Target bin on the current pod face.</param>
/// <param name="Chain">Primitive chain run before insertion (empty or [None] for a plain insertion).</param>
/// <param name="Orientation">How the item's edges map onto the bin axes.</param>
/// <param name="PredictedP">Predicted probability of success in [0, 1].</param>
/// <param name="Exploration">True when the planner took this candidate to explore rather than greedily.</param>
/// <param name="Lateral">
/// Where across the opening the item goes: offset [m] of its right edge from the bin's right wall (y = 0), chosen by the
/// planner from the perceived space (<see cref="LanePlacement"/>). The primitives and the insertion are placed on it.
/// </param>
public sealed record StowAction(Item Item, BinId Bin, IReadOnlyList<Primitive> Chain, ItemOrientation Orientation, double PredictedP, bool Exploration, double Lateral = 0)
{
    /// <summary>The chain as text, e.g. <c>SweepLeft+Slot</c>, or <c>None</c>.</summary>
    public string ChainText => Chain.Count == 0 ? nameof(Primitive.None) : string.Join('+', Chain);
}
