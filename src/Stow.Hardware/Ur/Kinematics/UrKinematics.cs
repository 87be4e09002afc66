using Stow.Core.Geometry;
using Stow.Hardware.Arm;

namespace Stow.Hardware.Ur.Kinematics;

/// <summary>
/// Kinematics of a six-joint Universal Robots arm from its DH table (<see cref="UrDhParameters"/>): forward kinematics,
/// the closed-form inverse (up to eight solutions; shoulder left/right × wrist up/down × elbow up/down), the choice of
/// the solution nearest to the current joints, and the geometric Jacobian.
/// <para>Frames: poses are of the TCP in the robot base frame (UR's "base" frame, the DH frame 0), the TCP being the
/// flange (DH frame 6) composed with <see cref="ToolOffset"/>. Joint angles [rad].</para>
/// <para>Inverse: the derivation of K. P. Hawkins, "Analytic Inverse Kinematics for the Universal Robots UR-5/UR-10
/// Arms" (Georgia Tech, 2013) for this DH structure (parallel joints 2, 3, 4): θ1 from the wrist centre, θ5 from the
/// flange position, θ6 from the flange orientation, then the planar 2R problem for θ2, θ3 and θ4 from the rest.</para>
/// Immutable and thread-safe; no method allocates.
/// </summary>
public sealed class UrKinematics
{
    /// <summary>Maximum number of inverse solutions.</summary>
    public const int MaxSolutions = 8;

    private static readonly double[] Alpha = [Math.PI / 2, 0, 0, Math.PI / 2, -Math.PI / 2, 0];
    private readonly double[] _a;
    private readonly double[] _d;
    private readonly RigidTransform _tool;
    private readonly RigidTransform _toolInverse;

    /// <summary>Creates the kinematics of an arm.</summary>
    /// <param name="dh">DH table.</param>
    /// <param name="toolOffset">Pose of the TCP in the flange frame (null: the flange itself).</param>
    public UrKinematics(UrDhParameters dh, Pose? toolOffset = null)
    {
        Dh = dh;
        _a = [0, dh.A2, dh.A3, 0, 0, 0];
        _d = [dh.D1, 0, 0, dh.D4, dh.D5, dh.D6];
        ToolOffset = toolOffset ?? Pose.Identity;
        _tool = RigidTransform.FromPose(ToolOffset);
        _toolInverse = _tool.Inverse();
    }

    /// <summary>Creates the kinematics of a model.</summary>
    /// <param name="model">The arm model.</param>
    /// <param name="toolOffset">Pose of the TCP in the flange frame (null: the flange).</param>
    /// <returns>The kinematics.</returns>
    public static UrKinematics For(UrModel model, Pose? toolOffset = null) => new(UrDhParameters.For(model), toolOffset);

    /// <summary>The DH table.</summary>
    public UrDhParameters Dh { get; }

    /// <summary>Pose of the TCP in the flange frame.</summary>
    public Pose ToolOffset { get; }

    /// <summary>Forward kinematics: the TCP pose in the base frame.</summary>
    /// <param name="q">Joint angles [rad].</param>
    /// <returns>The TCP pose [m, unit quaternion with w ≥ 0].</returns>
    public Pose Forward(in JointVector q) => ForwardTransform(q).ToPose();

    /// <summary>Forward kinematics as a transform (TCP in base).</summary>
    /// <param name="q">Joint angles [rad].</param>
    /// <returns>The transform.</returns>
    public RigidTransform ForwardTransform(in JointVector q)
    {
        var t = RigidTransform.Identity;
        for (var i = 0; i < JointVector.Count; i++)
        {
            t *= RigidTransform.Dh(q[i], _d[i], _a[i], Alpha[i]);
        }

        return t * _tool;
    }

    /// <summary>
    /// All inverse solutions of a TCP pose, each angle wrapped to (−π, π]. At a wrist singularity (sin θ5 ≈ 0), θ6 is
    /// free and set to <paramref name="q6Default"/>.
    /// </summary>
    /// <param name="tcp">TCP pose in the base frame.</param>
    /// <param name="solutions">Receives up to <see cref="MaxSolutions"/> solutions.</param>
    /// <param name="q6Default">θ6 used at a wrist singularity [rad].</param>
    /// <returns>Number of solutions written (0: the pose is out of reach).</returns>
    /// <exception cref="ArgumentException"><paramref name="solutions"/> holds fewer than 8 entries.</exception>
    public int Inverse(in Pose tcp, Span<JointVector> solutions, double q6Default = 0)
    {
        if (solutions.Length < MaxSolutions)
        {
            throw new ArgumentException("needs room for 8 solutions", nameof(solutions));
        }

        var t = RigidTransform.FromPose(tcp) * _toolInverse;
        double d4 = _d[3], d6 = _d[5], a2 = _a[1], a3 = _a[2];
        var p = t.Translation;
        var p05 = t.Apply(new Vec3(0, 0, -d6));
        var r = Math.Sqrt((p05.X * p05.X) + (p05.Y * p05.Y));
        if (!double.IsFinite(r) || r < Math.Abs(d4) - 1e-12)
        {
            return 0;
        }

        var phi1 = Math.Atan2(p05.Y, p05.X);
        var phi2 = Math.Acos(Math.Clamp(d4 / r, -1, 1));
        var n = 0;
        for (var s1 = 0; s1 < 2; s1++)
        {
            var q1 = phi1 + (s1 == 0 ? phi2 : -phi2) + (Math.PI / 2);
            var (sn1, cs1) = Math.SinCos(q1);
            var c5 = ((p.X * sn1) - (p.Y * cs1) - d4) / d6;
            if (Math.Abs(c5) > 1 + 1e-9)
            {
                continue;
            }

            var q5a = Math.Acos(Math.Clamp(c5, -1, 1));
            for (var s5 = 0; s5 < 2; s5++)
            {
                var q5 = s5 == 0 ? q5a : -q5a;
                var sn5 = Math.Sin(q5);
                var q6 = Math.Abs(sn5) < 1e-10
                    ? q6Default
                    : Math.Atan2(((-t.M01 * sn1) + (t.M11 * cs1)) / sn5, ((t.M00 * sn1) - (t.M10 * cs1)) / sn5);
                var t14 = RigidTransform.Dh(q1, _d[0], _a[0], Alpha[0]).Inverse() * t
                    * RigidTransform.Dh(q6, _d[5], _a[5], Alpha[5]).Inverse()
                    * RigidTransform.Dh(q5, _d[4], _a[4], Alpha[4]).Inverse();
                var p14 = t14.Translation;
                var l2 = (p14.X * p14.X) + (p14.Y * p14.Y);
                var c3 = (l2 - (a2 * a2) - (a3 * a3)) / (2 * a2 * a3);
                if (Math.Abs(c3) > 1 + 1e-9)
                {
                    continue;
                }

                var q3a = Math.Acos(Math.Clamp(c3, -1, 1));
                for (var s3 = 0; s3 < 2; s3++)
                {
                    var q3 = s3 == 0 ? q3a : -q3a;
                    var (sn3, cs3) = Math.SinCos(q3);

                    // Planar 2R in frame 1: p = Rz(θ2)·(a2 + a3·cos θ3, a3·sin θ3).
                    var q2 = Math.Atan2(p14.Y, p14.X) - Math.Atan2(a3 * sn3, a2 + (a3 * cs3));
                    var t34 = (RigidTransform.Dh(q2, _d[1], _a[1], Alpha[1]) * RigidTransform.Dh(q3, _d[2], _a[2], Alpha[2])).Inverse() * t14;
                    var q4 = Math.Atan2(t34.M10, t34.M00);
                    ref var s = ref solutions[n++];
                    s[0] = Wrap(q1);
                    s[1] = Wrap(q2);
                    s[2] = Wrap(q3);
                    s[3] = Wrap(q4);
                    s[4] = Wrap(q5);
                    s[5] = Wrap(q6);
                }
            }
        }

        return n;
    }

    /// <summary>
    /// The inverse solution nearest to <paramref name="current"/> (least sum of squared joint moves), each joint shifted
    /// by ±2π where that is nearer and stays within UR's joint range ±2π.
    /// </summary>
    /// <param name="tcp">TCP pose in the base frame.</param>
    /// <param name="current">Current joints [rad].</param>
    /// <param name="solution">The nearest solution.</param>
    /// <returns>False when the pose is out of reach (<paramref name="solution"/> is then <paramref name="current"/>).</returns>
    public bool InverseNearest(in Pose tcp, in JointVector current, out JointVector solution)
    {
        Span<JointVector> all = stackalloc JointVector[MaxSolutions];
        var n = Inverse(tcp, all, current[5]);
        solution = current;
        var best = double.PositiveInfinity;
        for (var k = 0; k < n; k++)
        {
            var cost = 0.0;
            for (var j = 0; j < JointVector.Count; j++)
            {
                var v = all[k][j];
                var c = current[j];
                var up = v + (2 * Math.PI);
                var down = v - (2 * Math.PI);
                if (Math.Abs(up - c) < Math.Abs(v - c) && up <= 2 * Math.PI)
                {
                    v = up;
                }
                else if (Math.Abs(down - c) < Math.Abs(v - c) && down >= -2 * Math.PI)
                {
                    v = down;
                }

                all[k][j] = v;
                cost += (v - c) * (v - c);
            }

            if (cost < best)
            {
                best = cost;
                solution = all[k];
            }
        }

        return n > 0;
    }

    /// <summary>
    /// Geometric Jacobian at <paramref name="q"/>: maps joint velocities [rad/s] to the TCP twist in the base frame
    /// (rows: vx, vy, vz [m/s], ωx, ωy, ωz [rad/s]); column i = (zᵢ₋₁ × (p − oᵢ₋₁), zᵢ₋₁).
    /// </summary>
    /// <param name="q">Joint angles [rad].</param>
    /// <param name="jacobian">Receives the 6×6 matrix, row-major (36 values).</param>
    /// <exception cref="ArgumentException"><paramref name="jacobian"/> holds fewer than 36 values.</exception>
    public void Jacobian(in JointVector q, Span<double> jacobian)
    {
        if (jacobian.Length < 36)
        {
            throw new ArgumentException("needs 36 values", nameof(jacobian));
        }

        Span<Vec3> z = stackalloc Vec3[6];
        Span<Vec3> o = stackalloc Vec3[6];
        var t = RigidTransform.Identity;
        for (var i = 0; i < JointVector.Count; i++)
        {
            z[i] = t.ZAxis;
            o[i] = t.Translation;
            t *= RigidTransform.Dh(q[i], _d[i], _a[i], Alpha[i]);
        }

        var pe = (t * _tool).Translation;
        for (var i = 0; i < JointVector.Count; i++)
        {
            var lin = Vec3.Cross(z[i], pe - o[i]);
            jacobian[i] = lin.X;
            jacobian[6 + i] = lin.Y;
            jacobian[12 + i] = lin.Z;
            jacobian[18 + i] = z[i].X;
            jacobian[24 + i] = z[i].Y;
            jacobian[30 + i] = z[i].Z;
        }
    }

    private static double Wrap(double a)
    {
        a = Math.IEEERemainder(a, 2 * Math.PI);
        return a <= -Math.PI ? a + (2 * Math.PI) : a;
    }
}
