namespace Stow.Planning.Candidates;

using Stow.Core.Items;

/// <summary>
/// Which <see cref="ItemOrientation"/>s each <see cref="PackagingClass"/> may be stowed in, and the extents of
/// an item in an orientation. Stateless and thread-safe; allocation-free.
/// </summary>
/// <remarks>
/// Rules (engineering assumptions, to be revised from attempt records):
/// <list type="bullet">
/// <item><see cref="PackagingClass.Box"/>, <see cref="PackagingClass.Book"/>, <see cref="PackagingClass.Deformable"/>,
/// <see cref="PackagingClass.Wrapped"/>: all six (books may stand on edge like on a shelf; deformables take any shape).</item>
/// <item><see cref="PackagingClass.Cylinder"/>: never standing on a small face (long edge vertical): a standing bottle
/// tips over when the bands or the next stow touch it, and then rolls.</item>
/// <item><see cref="PackagingClass.Clamshell"/> and <see cref="PackagingClass.Irregular"/>: never long edge vertical
/// either: a tall brittle or irregular item is unstable on its small face.</item>
/// </list>
/// </remarks>
public static class OrientationRules
{
    private static readonly ItemOrientation[] All =
    [
        ItemOrientation.LWH, ItemOrientation.WLH, ItemOrientation.LHW, ItemOrientation.HLW, ItemOrientation.WHL, ItemOrientation.HWL,
    ];

    private static readonly ItemOrientation[] NotStanding = [ItemOrientation.LWH, ItemOrientation.WLH, ItemOrientation.LHW, ItemOrientation.HLW];

    /// <summary>
    /// The orientations <paramref name="cls"/> may be stowed in, in enum order: all six, or for cylinders, clamshells and
    /// irregular items the four that do not stand them on a small face.
    /// </summary>
    public static ReadOnlySpan<ItemOrientation> Allowed(PackagingClass cls) => cls switch
    {
        PackagingClass.Cylinder or PackagingClass.Clamshell or PackagingClass.Irregular => NotStanding,
        _ => All,
    };

    /// <summary>True when <paramref name="cls"/> may be stowed in <paramref name="orientation"/>.</summary>
    public static bool IsAllowed(PackagingClass cls, ItemOrientation orientation) => Allowed(cls).Contains(orientation);

    /// <summary>
    /// Extents [m] of an item with <paramref name="dims"/> in <paramref name="orientation"/> along the bin axes:
    /// <paramref name="depth"/> (x), <paramref name="width"/> (y), <paramref name="height"/> (z).
    /// </summary>
    public static void Extents(in ItemDimensions dims, ItemOrientation orientation, out double depth, out double width, out double height)
    {
        double l = dims.Length, w = dims.Width, h = dims.Height;
        switch (orientation)
        {
            case ItemOrientation.LWH: depth = l; width = w; height = h; break;
            case ItemOrientation.WLH: depth = w; width = l; height = h; break;
            case ItemOrientation.LHW: depth = l; width = h; height = w; break;
            case ItemOrientation.HLW: depth = h; width = l; height = w; break;
            case ItemOrientation.WHL: depth = w; width = h; height = l; break;
            default: depth = h; width = w; height = l; break;
        }
    }
}
