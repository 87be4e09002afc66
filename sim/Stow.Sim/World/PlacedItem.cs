namespace Stow.Sim.World;

using Stow.Core.Geometry;
using Stow.Core.Items;

/// <summary>
/// An item at rest in a bin: its axis-aligned box in the bin frame (<see cref="Core.Pods.BinSpec"/>: x into the
/// bin from the opening plane, y from the right wall, z up from the floor) [m] and its pose. A leaning item is
/// represented by the bounding box of its upright pose and <see cref="ItemPose.Leaning"/>. Immutable value.
/// </summary>
/// <param name="Item">The item.</param>
/// <param name="Box">Its box in the bin frame [m].</param>
/// <param name="Pose">How it rests.</param>
public readonly record struct PlacedItem(Item Item, Box3 Box, ItemPose Pose)
{
    /// <summary>True when the item leans against a wall or a neighbour.</summary>
    public bool IsLeaning => Pose == ItemPose.Leaning;

    /// <summary>Box volume [m³] (equals the item's bounding-box volume).</summary>
    public double Volume => Box.Volume;
}
