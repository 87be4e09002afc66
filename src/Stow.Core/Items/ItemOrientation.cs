namespace Stow.Core.Items;

/// <summary>
/// The one orientation vocabulary of the cell (planner, simulator, journal). How an item's sorted edges (L ≥ W ≥ H, <see cref="ItemDimensions"/>) map onto the bin axes
/// (x into the bin, y across the opening, z up; <see cref="Stow.Core.Pods.BinSpec"/>). Named as
/// <c>X_Y_Z</c> edge letters: <see cref="LWH"/> lies flat with its long edge pointing into the bin.
/// </summary>
public enum ItemOrientation
{
    /// <summary>x = L, y = W, z = H: flat, long edge into the bin.</summary>
    LWH = 0,

    /// <summary>x = W, y = L, z = H: flat, long edge across the opening.</summary>
    WLH = 1,

    /// <summary>x = L, y = H, z = W: on its long side edge, long edge into the bin (a book on its spine or fore-edge).</summary>
    LHW = 2,

    /// <summary>x = H, y = L, z = W: on its long side edge, long edge across the opening.</summary>
    HLW = 3,

    /// <summary>x = W, y = H, z = L: standing on a small face, thin edge across the opening.</summary>
    WHL = 4,

    /// <summary>x = H, y = W, z = L: standing on a small face, thin edge into the bin.</summary>
    HWL = 5,
}
