namespace Stow.Sim.World;

/// <summary>
/// Which edge of an item (<see cref="Core.Items.ItemDimensions"/>: length ≥ width ≥ height) lies along which
/// bin axis (x into the bin, y across the opening, z up). See <see cref="ItemOrientations.Size"/>.
/// </summary>
public enum ItemOrientation
{
    /// <summary>Flat, length into the bin: (x, y, z) = (length, width, height).</summary>
    FlatLengthInward,

    /// <summary>Flat, length across the opening: (x, y, z) = (width, length, height).</summary>
    FlatLengthAcross,

    /// <summary>On its long edge, length into the bin: (x, y, z) = (length, height, width).</summary>
    OnEdgeLengthInward,

    /// <summary>On its long edge, length across: (x, y, z) = (height, length, width).</summary>
    OnEdgeLengthAcross,

    /// <summary>Upright (length vertical), width into the bin: (x, y, z) = (width, height, length).</summary>
    UprightWidthInward,

    /// <summary>Upright (length vertical), width across: (x, y, z) = (height, width, length).</summary>
    UprightWidthAcross,
}
