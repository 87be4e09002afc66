namespace Stow.Core.Geometry;

/// <summary>
/// A rigid transform: position [m] and orientation, of a child frame expressed in a parent frame
/// (e.g. the TCP in the arm base frame). Immutable value type.
/// </summary>
/// <param name="Position">Origin of the child frame in the parent frame [m].</param>
/// <param name="Orientation">Rotation of the child frame relative to the parent.</param>
public readonly record struct Pose(Vec3 Position, Quat Orientation)
{
    /// <summary>The identity transform.</summary>
    public static Pose Identity => new(Vec3.Zero, Quat.Identity);

    /// <summary>A pure translation.</summary>
    public static Pose At(double x, double y, double z) => new(new Vec3(x, y, z), Quat.Identity);

    /// <summary>Maps a point from the child frame into the parent frame.</summary>
    public Vec3 Transform(Vec3 point) => Position + Orientation.Rotate(point);

    /// <summary>Composition: <c>a * b</c> maps b's child frame into a's parent frame.</summary>
    public static Pose operator *(Pose a, Pose b) =>
        new(a.Transform(b.Position), a.Orientation * b.Orientation);

    /// <summary>The inverse transform.</summary>
    public Pose Inverse()
    {
        var qi = Orientation.Conjugate;
        return new Pose(-qi.Rotate(Position), qi);
    }
}
