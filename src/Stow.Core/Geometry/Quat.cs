namespace Stow.Core.Geometry;

/// <summary>
/// A unit quaternion (x, y, z, w) for rotations, Hamilton convention as in ROS (tf2).
/// Immutable value type.
/// </summary>
/// <param name="X">Vector part x.</param>
/// <param name="Y">Vector part y.</param>
/// <param name="Z">Vector part z.</param>
/// <param name="W">Scalar part.</param>
public readonly record struct Quat(double X, double Y, double Z, double W)
{
    /// <summary>The identity rotation.</summary>
    public static Quat Identity => new(0, 0, 0, 1);

    /// <summary>Rotation of <paramref name="angle"/> radians about a unit <paramref name="axis"/>.</summary>
    public static Quat FromAxisAngle(Vec3 axis, double angle)
    {
        var s = Math.Sin(angle / 2);
        return new Quat(axis.X * s, axis.Y * s, axis.Z * s, Math.Cos(angle / 2));
    }

    /// <summary>Rotation from roll (about x), pitch (about y), yaw (about z), radians, applied in that order (REP 103 fixed axes).</summary>
    public static Quat FromRpy(double roll, double pitch, double yaw) =>
        FromAxisAngle(Vec3.UnitZ, yaw) * FromAxisAngle(Vec3.UnitY, pitch) * FromAxisAngle(Vec3.UnitX, roll);

    /// <summary>Hamilton product: apply <paramref name="b"/> first, then <paramref name="a"/>.</summary>
    public static Quat operator *(Quat a, Quat b) => new(
        (a.W * b.X) + (a.X * b.W) + (a.Y * b.Z) - (a.Z * b.Y),
        (a.W * b.Y) - (a.X * b.Z) + (a.Y * b.W) + (a.Z * b.X),
        (a.W * b.Z) + (a.X * b.Y) - (a.Y * b.X) + (a.Z * b.W),
        (a.W * b.W) - (a.X * b.X) - (a.Y * b.Y) - (a.Z * b.Z));

    /// <summary>The inverse of a unit quaternion.</summary>
    public Quat Conjugate => new(-X, -Y, -Z, W);

    /// <summary>Rotates a vector.</summary>
    public Vec3 Rotate(Vec3 v)
    {
        var u = new Vec3(X, Y, Z);
        var t = 2 * Vec3.Cross(u, v);
        return v + (W * t) + Vec3.Cross(u, t);
    }

    /// <summary>Rotation angle in radians, in [0, π].</summary>
    public double Angle => 2 * Math.Acos(Math.Clamp(Math.Abs(W), 0, 1));
}
