using Stow.Core.Geometry;

namespace Stow.Hardware.Ur.Kinematics;

/// <summary>
/// A rigid transform as a 3×3 rotation matrix (row-major, <c>R[r,c]</c> = <c>M{r}{c}</c>) and a translation [m].
/// Value type without allocation; used by <see cref="UrKinematics"/> for the DH chain.
/// </summary>
public readonly record struct RigidTransform(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22,
    Vec3 Translation)
{
    /// <summary>The identity transform.</summary>
    public static RigidTransform Identity => new(1, 0, 0, 0, 1, 0, 0, 0, 1, Vec3.Zero);

    /// <summary>First column of the rotation (the frame's x axis in the parent frame).</summary>
    public Vec3 XAxis => new(M00, M10, M20);

    /// <summary>Second column (y axis).</summary>
    public Vec3 YAxis => new(M01, M11, M21);

    /// <summary>Third column (z axis).</summary>
    public Vec3 ZAxis => new(M02, M12, M22);

    /// <summary>One standard DH link transform Rz(θ)·Tz(d)·Tx(a)·Rx(α).</summary>
    /// <param name="theta">Joint angle θ [rad].</param>
    /// <param name="d">Offset d [m].</param>
    /// <param name="a">Length a [m].</param>
    /// <param name="alpha">Twist α [rad].</param>
    /// <returns>The link transform.</returns>
    public static RigidTransform Dh(double theta, double d, double a, double alpha)
    {
        var (st, ct) = Math.SinCos(theta);
        var (sa, ca) = Math.SinCos(alpha);
        return new RigidTransform(
            ct, -st * ca, st * sa,
            st, ct * ca, -ct * sa,
            0, sa, ca,
            new Vec3(a * ct, a * st, d));
    }

    /// <summary>Composition: <paramref name="b"/> expressed in <paramref name="a"/>'s parent frame.</summary>
    /// <param name="a">Outer transform.</param>
    /// <param name="b">Inner transform.</param>
    /// <returns>a·b.</returns>
    public static RigidTransform operator *(in RigidTransform a, in RigidTransform b) => new(
        (a.M00 * b.M00) + (a.M01 * b.M10) + (a.M02 * b.M20), (a.M00 * b.M01) + (a.M01 * b.M11) + (a.M02 * b.M21), (a.M00 * b.M02) + (a.M01 * b.M12) + (a.M02 * b.M22),
        (a.M10 * b.M00) + (a.M11 * b.M10) + (a.M12 * b.M20), (a.M10 * b.M01) + (a.M11 * b.M11) + (a.M12 * b.M21), (a.M10 * b.M02) + (a.M11 * b.M12) + (a.M12 * b.M22),
        (a.M20 * b.M00) + (a.M21 * b.M10) + (a.M22 * b.M20), (a.M20 * b.M01) + (a.M21 * b.M11) + (a.M22 * b.M21), (a.M20 * b.M02) + (a.M21 * b.M12) + (a.M22 * b.M22),
        a.Apply(b.Translation));

    /// <summary>Applies the transform to a point.</summary>
    /// <param name="p">Point [m].</param>
    /// <returns>R·p + t.</returns>
    public Vec3 Apply(Vec3 p) => Rotate(p) + Translation;

    /// <summary>Rotates a vector (no translation).</summary>
    /// <param name="v">The vector.</param>
    /// <returns>R·v.</returns>
    public Vec3 Rotate(Vec3 v) => new(
        (M00 * v.X) + (M01 * v.Y) + (M02 * v.Z),
        (M10 * v.X) + (M11 * v.Y) + (M12 * v.Z),
        (M20 * v.X) + (M21 * v.Y) + (M22 * v.Z));

    /// <summary>The inverse transform (Rᵀ, −Rᵀ·t).</summary>
    /// <returns>The inverse.</returns>
    public RigidTransform Inverse()
    {
        var t = Translation;
        return new RigidTransform(
            M00, M10, M20,
            M01, M11, M21,
            M02, M12, M22,
            new Vec3(
                -((M00 * t.X) + (M10 * t.Y) + (M20 * t.Z)),
                -((M01 * t.X) + (M11 * t.Y) + (M21 * t.Z)),
                -((M02 * t.X) + (M12 * t.Y) + (M22 * t.Z))));
    }

    /// <summary>From a pose (unit quaternion; normalised here).</summary>
    /// <param name="pose">The pose.</param>
    /// <returns>The transform.</returns>
    public static RigidTransform FromPose(in Pose pose)
    {
        var q = pose.Orientation;
        var n = Math.Sqrt((q.X * q.X) + (q.Y * q.Y) + (q.Z * q.Z) + (q.W * q.W));
        double x = q.X / n, y = q.Y / n, z = q.Z / n, w = q.W / n;
        return new RigidTransform(
            1 - (2 * ((y * y) + (z * z))), 2 * ((x * y) - (z * w)), 2 * ((x * z) + (y * w)),
            2 * ((x * y) + (z * w)), 1 - (2 * ((x * x) + (z * z))), 2 * ((y * z) - (x * w)),
            2 * ((x * z) - (y * w)), 2 * ((y * z) + (x * w)), 1 - (2 * ((x * x) + (y * y))),
            pose.Position);
    }

    /// <summary>To a pose, the quaternion from the rotation matrix (Shepperd's method), with w ≥ 0.</summary>
    /// <returns>The pose.</returns>
    public Pose ToPose()
    {
        double x, y, z, w;
        var tr = M00 + M11 + M22;
        if (tr > 0)
        {
            var s = Math.Sqrt(tr + 1) * 2;
            w = s / 4;
            x = (M21 - M12) / s;
            y = (M02 - M20) / s;
            z = (M10 - M01) / s;
        }
        else if (M00 > M11 && M00 > M22)
        {
            var s = Math.Sqrt(1 + M00 - M11 - M22) * 2;
            w = (M21 - M12) / s;
            x = s / 4;
            y = (M01 + M10) / s;
            z = (M02 + M20) / s;
        }
        else if (M11 > M22)
        {
            var s = Math.Sqrt(1 + M11 - M00 - M22) * 2;
            w = (M02 - M20) / s;
            x = (M01 + M10) / s;
            y = s / 4;
            z = (M12 + M21) / s;
        }
        else
        {
            var s = Math.Sqrt(1 + M22 - M00 - M11) * 2;
            w = (M10 - M01) / s;
            x = (M02 + M20) / s;
            y = (M12 + M21) / s;
            z = s / 4;
        }

        var n = Math.Sqrt((x * x) + (y * y) + (z * z) + (w * w)) * (w < 0 ? -1 : 1);
        return new Pose(Translation, new Quat(x / n, y / n, z / n, w / n));
    }
}
