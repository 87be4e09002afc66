namespace Stow.Sim.World;

using Stow.Core.Geometry;
using Stow.Core.Items;

/// <summary>Helpers for <see cref="ItemOrientation"/>. Stateless and thread-safe.</summary>
public static class ItemOrientations
{
    /// <summary>All six orientations, in enum order.</summary>
    public static IReadOnlyList<ItemOrientation> All { get; } =
    [
        ItemOrientation.LWH, ItemOrientation.WLH,
        ItemOrientation.LHW, ItemOrientation.HLW,
        ItemOrientation.WHL, ItemOrientation.HWL,
    ];

    /// <summary>The item's box size along the bin axes (x, y, z) [m] in an orientation.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown orientation value.</exception>
    public static Vec3 Size(ItemDimensions d, ItemOrientation orientation) => orientation switch
    {
        ItemOrientation.LWH => new Vec3(d.Length, d.Width, d.Height),
        ItemOrientation.WLH => new Vec3(d.Width, d.Length, d.Height),
        ItemOrientation.LHW => new Vec3(d.Length, d.Height, d.Width),
        ItemOrientation.HLW => new Vec3(d.Height, d.Length, d.Width),
        ItemOrientation.WHL => new Vec3(d.Width, d.Height, d.Length),
        ItemOrientation.HWL => new Vec3(d.Height, d.Width, d.Length),
        _ => throw new ArgumentOutOfRangeException(nameof(orientation), orientation, "unknown orientation"),
    };

    /// <summary>
    /// The resting pose implied by a box size (before the lean check): lying when the vertical edge is the
    /// item's height, standing when it is the length, on edge otherwise. Equal edges resolve to lying first.
    /// </summary>
    public static ItemPose PoseOf(ItemDimensions d, Vec3 size)
    {
        const double tol = 1e-6;
        if (Math.Abs(size.Z - d.Height) <= tol)
        {
            return ItemPose.Lying;
        }

        return Math.Abs(size.Z - d.Length) <= tol ? ItemPose.Standing : ItemPose.OnEdge;
    }

    /// <summary>True when a box size is a permutation of the item's edges within 1 µm.</summary>
    public static bool Matches(ItemDimensions d, Vec3 size)
    {
        Span<double> s = [size.X, size.Y, size.Z];
        s.Sort();
        const double tol = 1e-6;
        return Math.Abs(s[2] - d.Length) <= tol && Math.Abs(s[1] - d.Width) <= tol && Math.Abs(s[0] - d.Height) <= tol;
    }
}
