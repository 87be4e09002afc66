namespace Stow.Core.Geometry;

/// <summary>
/// An axis-aligned box [m] given by its minimum and maximum corners, in a stated frame
/// (for bin contents: the bin frame, see <see cref="Pods.BinSpec"/>). Immutable value type.
/// </summary>
/// <param name="Min">Minimum corner [m].</param>
/// <param name="Max">Maximum corner [m].</param>
public readonly record struct Box3(Vec3 Min, Vec3 Max)
{
    /// <summary>Builds a box from its minimum corner and its size.</summary>
    public static Box3 FromMinSize(Vec3 min, Vec3 size) => new(min, min + size);

    /// <summary>Edge lengths along x, y, z [m].</summary>
    public Vec3 Size => Max - Min;

    /// <summary>Volume [m³].</summary>
    public double Volume => Math.Max(0, Max.X - Min.X) * Math.Max(0, Max.Y - Min.Y) * Math.Max(0, Max.Z - Min.Z);

    /// <summary>True when the interiors overlap by more than <paramref name="tolerance"/> [m] on every axis.</summary>
    public bool Overlaps(Box3 o, double tolerance = 1e-9) =>
        Min.X < o.Max.X - tolerance && o.Min.X < Max.X - tolerance &&
        Min.Y < o.Max.Y - tolerance && o.Min.Y < Max.Y - tolerance &&
        Min.Z < o.Max.Z - tolerance && o.Min.Z < Max.Z - tolerance;

    /// <summary>True when this box lies inside <paramref name="outer"/> within <paramref name="tolerance"/> [m].</summary>
    public bool IsInside(Box3 outer, double tolerance = 1e-9) =>
        Min.X >= outer.Min.X - tolerance && Min.Y >= outer.Min.Y - tolerance && Min.Z >= outer.Min.Z - tolerance &&
        Max.X <= outer.Max.X + tolerance && Max.Y <= outer.Max.Y + tolerance && Max.Z <= outer.Max.Z + tolerance;

    /// <summary>The box moved by <paramref name="d"/>.</summary>
    public Box3 Translate(Vec3 d) => new(Min + d, Max + d);
}
