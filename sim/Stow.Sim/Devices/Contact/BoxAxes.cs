using Stow.Core.Geometry;

namespace Stow.Sim.Devices.Contact;

/// <summary>
/// Per-axis box tests shared by the contact geometries (<see cref="StaticContactGeometry"/>,
/// <see cref="SimPodContactGeometry"/>) and the world pod's solid queries. Pure; allocation-free.
/// </summary>
internal static class BoxAxes
{
    /// <summary>Component <paramref name="axis"/> of <paramref name="v"/> (0 = x, 1 = y, 2 = z).</summary>
    public static double Get(Vec3 v, int axis) => axis switch { 0 => v.X, 1 => v.Y, _ => v.Z };

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> overlap (open intervals, 1 nm tolerance) on both
    /// axes other than <paramref name="axis"/>: moving one along <paramref name="axis"/> can run into the other.</summary>
    public static bool OverlapsAcross(Box3 a, Box3 b, int axis)
    {
        const double tol = 1e-9;
        for (var k = 0; k < 3; k++)
        {
            if (k != axis && !(Get(a.Min, k) < Get(b.Max, k) - tol && Get(b.Min, k) < Get(a.Max, k) - tol))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Closed-interval intersection (touching counts: a contact query must see a face the tool rests on).</summary>
    public static bool Touches(Box3 a, Box3 b) =>
        a.Min.X <= b.Max.X && b.Min.X <= a.Max.X && a.Min.Y <= b.Max.Y && b.Min.Y <= a.Max.Y &&
        a.Min.Z <= b.Max.Z && b.Min.Z <= a.Max.Z;
}
