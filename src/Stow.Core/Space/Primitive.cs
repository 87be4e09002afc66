namespace Stow.Core.Space;

/// <summary>
/// The space-making motion primitives of the stow EOAT (ARCHITECTURE.md, "Acts"). A chain of them
/// runs before the item is fed into the bin; <see cref="None"/> means a plain insertion.
/// </summary>
public enum Primitive
{
    /// <summary>Insert straight into free space.</summary>
    None,

    /// <summary>Spatula pushes the bin contents towards +y (robot's left).</summary>
    SweepLeft,

    /// <summary>Spatula pushes the bin contents towards −y (robot's right).</summary>
    SweepRight,

    /// <summary>Stand a flat item lying on the floor upright to free floor width.</summary>
    Flip,

    /// <summary>Place the new item on top of existing contents.</summary>
    Stack,

    /// <summary>Insert at an angle into a gap between items.</summary>
    Slot,
}
