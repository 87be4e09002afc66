using Stow.Core.Geometry;

namespace Stow.Hardware.Ur.Kinematics;

/// <summary>
/// Conversions between unit quaternions and rotation vectors (axis × angle [rad]), the orientation format of UR poses
/// <c>p[x, y, z, rx, ry, rz]</c> (URScript manual, "pose"). Angles are returned in [0, π].
/// </summary>
public static class RotationVector
{
    /// <summary>Rotation vector of a unit quaternion.</summary>
    /// <param name="q">Unit quaternion.</param>
    /// <returns>axis·angle [rad], angle in [0, π].</returns>
    public static Vec3 FromQuat(Quat q)
    {
        if (q.W < 0)
        {
            q = new Quat(-q.X, -q.Y, -q.Z, -q.W);
        }

        var s = Math.Sqrt((q.X * q.X) + (q.Y * q.Y) + (q.Z * q.Z));
        if (s < 1e-12)
        {
            // Small angle: angle ≈ 2·s, axis·angle ≈ 2·(x, y, z).
            return new Vec3(2 * q.X, 2 * q.Y, 2 * q.Z);
        }

        var angle = 2 * Math.Atan2(s, q.W);
        return new Vec3(q.X, q.Y, q.Z) * (angle / s);
    }

    /// <summary>Unit quaternion of a rotation vector.</summary>
    /// <param name="r">axis·angle [rad].</param>
    /// <returns>The quaternion (identity for a zero vector).</returns>
    public static Quat ToQuat(Vec3 r)
    {
        var angle = r.Length;
        return angle < 1e-15 ? Quat.Identity : Quat.FromAxisAngle(r / angle, angle);
    }
}
