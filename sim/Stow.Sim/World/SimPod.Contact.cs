namespace Stow.Sim.World;

using Stow.Core.Geometry;
using Stow.Core.Pods;
using Stow.Sim.Devices.Contact;

/// <summary>Contact geometry in the pod face frame, for the arm simulator's contact forces.</summary>
public sealed partial class SimPod
{
    /// <summary>
    /// Thickness [m] of the fabric walls, floors and back modelled as solids (5 mm, as
    /// <c>wallThickness</c> in config/pods/*.json).
    /// </summary>
    public const double WallThickness = 0.005;

    /// <summary>
    /// The solids (bin walls, floor, ceiling, back, and item boxes) in the pod face frame [m] that intersect
    /// <paramref name="region"/> (pod face frame), bins in order, for each bin its five walls then its items. Bands are not
    /// solids (they stretch). Lazily enumerated; allocates the enumerator. Use <see cref="CopySolidsNear"/> in a loop.
    /// </summary>
    public IEnumerable<Box3> SolidsNear(Box3 region)
    {
        foreach (var b in _bins)
        {
            for (var w = 0; w < 5; w++)
            {
                var box = ToPodFace(b.Spec, Wall(b.Spec, w));
                if (BoxAxes.Touches(box, region))
                {
                    yield return box;
                }
            }

            for (var i = 0; i < b.Count; i++)
            {
                var box = ToPodFace(b.Spec, b[i].Box);
                if (BoxAxes.Touches(box, region))
                {
                    yield return box;
                }
            }
        }
    }

    /// <summary>
    /// Same solids as <see cref="SolidsNear"/>, written to <paramref name="destination"/> without allocation.
    /// Returns how many intersect the region; only the first <c>destination.Length</c> are written.
    /// </summary>
    public int CopySolidsNear(Box3 region, Span<Box3> destination)
    {
        var n = 0;
        foreach (var b in _bins)
        {
            // Quick reject on the bin's outer bounds.
            var outer = ToPodFace(b.Spec, new Box3(
                new Vec3(0, -WallThickness, -WallThickness),
                new Vec3(b.Spec.Depth + WallThickness, b.Spec.OpeningWidth + WallThickness, b.Spec.OpeningHeight + WallThickness)));
            if (!BoxAxes.Touches(outer, region))
            {
                continue;
            }

            for (var w = 0; w < 5; w++)
            {
                n = Emit(ToPodFace(b.Spec, Wall(b.Spec, w)), region, destination, n);
            }

            for (var i = 0; i < b.Count; i++)
            {
                n = Emit(ToPodFace(b.Spec, b[i].Box), region, destination, n);
            }
        }

        return n;
    }

    /// <summary>Wall <paramref name="index"/> of a bin in its own frame: 0 floor, 1 ceiling, 2 right, 3 left, 4 back.</summary>
    public static Box3 Wall(BinSpec bin, int index)
    {
        var d = bin.Depth;
        var w = bin.OpeningWidth;
        var h = bin.OpeningHeight;
        var t = WallThickness;
        return index switch
        {
            0 => new Box3(new Vec3(0, -t, -t), new Vec3(d, w + t, 0)),
            1 => new Box3(new Vec3(0, -t, h), new Vec3(d, w + t, h + t)),
            2 => new Box3(new Vec3(0, -t, 0), new Vec3(d, 0, h)),
            3 => new Box3(new Vec3(0, w, 0), new Vec3(d, w + t, h)),
            4 => new Box3(new Vec3(d, -t, -t), new Vec3(d + t, w + t, h + t)),
            _ => throw new ArgumentOutOfRangeException(nameof(index), index, "wall index is 0..4"),
        };
    }

    private static int Emit(Box3 box, Box3 region, Span<Box3> destination, int n)
    {
        if (!BoxAxes.Touches(box, region))
        {
            return n;
        }

        if (n < destination.Length)
        {
            destination[n] = box;
        }

        return n + 1;
    }
}
