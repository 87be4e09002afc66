namespace Stow.Sim.World;

using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Space;

/// <summary>
/// One stow to simulate: put <paramref name="Item"/> into <paramref name="Bin"/> after running the primitive
/// <paramref name="Chain"/>. Immutable value; the chain list is read, never kept or changed.
/// </summary>
/// <param name="Bin">Target bin.</param>
/// <param name="Item">Item to stow.</param>
/// <param name="Orientation">Orientation of the item in the paddles.</param>
/// <param name="Y">Lateral position [m] of the item's right side (its minimum y) in the bin frame.</param>
/// <param name="Chain">
/// Primitives in order. <see cref="Primitive.SweepLeft"/>, <see cref="Primitive.SweepRight"/> and
/// <see cref="Primitive.Flip"/> make space first; a final <see cref="Primitive.Stack"/> or <see cref="Primitive.Slot"/>
/// picks the insertion mode (otherwise a plain insertion). <see cref="Primitive.None"/> entries are ignored.
/// An empty list is a plain insertion.
/// </param>
public readonly record struct StowRequest(
    BinId Bin,
    Item Item,
    ItemOrientation Orientation,
    double Y,
    IReadOnlyList<Primitive> Chain);
