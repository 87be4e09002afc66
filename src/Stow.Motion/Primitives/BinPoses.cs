using Stow.Core.Geometry;
using Stow.Core.Pods;

namespace Stow.Motion.Primitives;

/// <summary>Converts bin-frame positions to TCP poses in the pod face frame (bin axes are parallel to the face's).</summary>
public static class BinPoses
{
    /// <summary>A TCP pose at bin-frame coordinates.</summary>
    /// <param name="bin">The bin.</param>
    /// <param name="x">Depth [m] (negative: in front of the opening).</param>
    /// <param name="y">Lateral [m].</param>
    /// <param name="z">Height above the floor [m].</param>
    /// <param name="orientation">TCP orientation (identity: feed axis along +x).</param>
    /// <returns>The pose in the pod face frame.</returns>
    public static Pose At(BinSpec bin, double x, double y, double z, Quat orientation) =>
        new(bin.Origin + new Vec3(x, y, z), orientation);

    /// <summary>The approach pose: centred on the opening, <paramref name="standoff"/> in front of it.</summary>
    /// <param name="bin">The bin.</param>
    /// <param name="standoff">Distance in front of the opening [m].</param>
    /// <returns>The pose.</returns>
    public static Pose Approach(BinSpec bin, double standoff) =>
        At(bin, -standoff, bin.OpeningWidth / 2, bin.OpeningHeight / 2, Quat.Identity);
}
