using FsCheck.Xunit;
using Stow.Core.Geometry;
using Stow.Hardware.Arm;
using Stow.Hardware.Ur.Kinematics;

namespace Stow.Hardware.Tests.Ur.Kinematics;

/// <summary>Forward and inverse kinematics of the e-Series arms against published values and round trips.</summary>
public class UrKinematicsTests
{
    public static TheoryData<UrModel> Models => [UrModel.Ur3e, UrModel.Ur5e, UrModel.Ur10e, UrModel.Ur16e];

    private static JointVector Joints(params double[] q)
    {
        var v = default(JointVector);
        for (var i = 0; i < JointVector.Count; i++)
        {
            v[i] = q[i];
        }

        return v;
    }

    [Fact]
    public void Ur5e_Zero_Joints_Put_The_Flange_Where_Urs_Table_Says()
    {
        // All joints at zero the arm lies stretched along −x: flange at (a2 + a3, −(d4 + d6), d1 − d5), tool z along −y
        // (UR5e: −0.8172, −0.2329, 0.0628 m, as PolyScope shows for the zero pose of a UR5e).
        var k = UrKinematics.For(UrModel.Ur5e);
        var t = k.ForwardTransform(Joints(0, 0, 0, 0, 0, 0));
        Assert.Equal(-0.8172, t.Translation.X, 9);
        Assert.Equal(-0.2329, t.Translation.Y, 9);
        Assert.Equal(0.0628, t.Translation.Z, 9);
        Assert.Equal(-1, t.ZAxis.Y, 9);
    }

    [Fact]
    public void Ur10e_Upright_Pose_Stacks_The_Links_Vertically()
    {
        // q = (0, −π/2, 0, −π/2, 0, 0) points the upper arm and forearm straight up: flange at
        // (0, −(d4 + d6), d1 − a2 − a3 + d5) = (0, −0.2907, 1.4848) for the UR10e.
        var d = UrDhParameters.Ur10e;
        var k = new UrKinematics(d);
        var p = k.ForwardTransform(Joints(0, -Math.PI / 2, 0, -Math.PI / 2, 0, 0)).Translation;
        Assert.Equal(0, p.X, 9);
        Assert.Equal(-(d.D4 + d.D6), p.Y, 9);
        Assert.Equal(d.D1 - d.A2 - d.A3 + d.D5, p.Z, 9);
        Assert.Equal(1.4848, p.Z, 9);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_Inverse_Solution_Reproduces_The_Pose(UrModel model)
    {
        var k = UrKinematics.For(model, new Pose(new Vec3(0, 0, 0.15), Quat.FromAxisAngle(Vec3.UnitY, -Math.PI / 2)));
        var q = Joints(0.3, -1.2, 1.4, -1.8, -1.5, 0.4);
        var pose = k.Forward(q);
        Span<JointVector> all = stackalloc JointVector[8];
        var n = k.Inverse(pose, all);
        Assert.InRange(n, 2, 8);
        var foundOriginal = false;
        for (var i = 0; i < n; i++)
        {
            AssertSamePose(pose, k.Forward(all[i]));
            var same = true;
            for (var j = 0; j < 6; j++)
            {
                same &= Math.Abs(all[i][j] - q[j]) < 1e-7;
            }

            foundOriginal |= same;
        }

        Assert.True(foundOriginal, "the joints the pose came from are among the solutions");
    }

    [Fact]
    public void Out_Of_Reach_Pose_Has_No_Solution()
    {
        var k = UrKinematics.For(UrModel.Ur3e);
        Span<JointVector> all = stackalloc JointVector[8];
        Assert.Equal(0, k.Inverse(Pose.At(2, 0, 0.2), all));
        Assert.False(k.InverseNearest(Pose.At(2, 0, 0.2), Joints(0, -1, 1, -1, -1, 0), out _));
    }

    [Property(MaxTest = 300, Replay = "(12345,67891)")]
    public bool Fk_Of_Ik_Round_Trips_Over_Random_Reachable_Poses(int modelIndex, double u0, double u1, double u2, double u3, double u4, double u5)
    {
        var model = (UrModel)(Math.Abs(modelIndex) % 4);
        var k = UrKinematics.For(model);
        var q = Joints(Angle(u0), Angle(u1), Angle(u2), Angle(u3), Angle(u4), Angle(u5));
        if (Math.Abs(Math.Sin(q[4])) < 0.05 || Math.Abs(Math.Sin(q[2])) < 0.05)
        {
            // Near a wrist or elbow singularity two solutions lie within the seed's offset of each other, so "nearest
            // to the seed" need not be the joints the pose came from (every solution's pose is checked elsewhere).
            return true;
        }

        var pose = k.Forward(q);
        var seed = q;
        seed[0] += 0.01;
        seed[3] -= 0.01;
        if (!k.InverseNearest(pose, seed, out var sol))
        {
            return false;
        }

        var back = k.Forward(sol);
        var samePose = (back.Position - pose.Position).Length < 1e-8 && (back.Orientation * pose.Orientation.Conjugate).Angle < 1e-7;
        var nearest = true;
        for (var j = 0; j < 6; j++)
        {
            nearest &= Math.Abs(sol[j] - q[j]) < 1e-6;
        }

        return samePose && nearest;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Jacobian_Matches_Finite_Differences_Of_Forward_Kinematics(UrModel model)
    {
        var k = UrKinematics.For(model, Pose.At(0, 0, 0.1));
        var q = Joints(0.2, -0.9, 1.1, -1.3, 0.7, -0.4);
        Span<double> j = stackalloc double[36];
        k.Jacobian(q, j);
        const double h = 1e-6;
        for (var i = 0; i < 6; i++)
        {
            var qp = q;
            qp[i] += h;
            var a = k.Forward(q);
            var b = k.Forward(qp);
            var v = (b.Position - a.Position) / h;
            var w = RotationVector.FromQuat(b.Orientation * a.Orientation.Conjugate) / h;
            Assert.Equal(v.X, j[i], 4);
            Assert.Equal(v.Y, j[6 + i], 4);
            Assert.Equal(v.Z, j[12 + i], 4);
            Assert.Equal(w.X, j[18 + i], 4);
            Assert.Equal(w.Y, j[24 + i], 4);
            Assert.Equal(w.Z, j[30 + i], 4);
        }
    }

    [Fact]
    public void Rotation_Vector_Round_Trips()
    {
        var q = Quat.FromAxisAngle(new Vec3(0.6, 0, 0.8), 2.5);
        var r = RotationVector.FromQuat(q);
        Assert.Equal(2.5, r.Length, 12);
        Assert.True((RotationVector.ToQuat(r) * q.Conjugate).Angle < 1e-12);
    }

    private static double Angle(double u) => double.IsFinite(u) ? Math.IEEERemainder(u, 2 * Math.PI) : 0.5;

    private static void AssertSamePose(Pose expected, Pose actual)
    {
        Assert.True((expected.Position - actual.Position).Length < 1e-9, $"position {actual.Position} vs {expected.Position}");
        Assert.True((expected.Orientation * actual.Orientation.Conjugate).Angle < 1e-8, "orientation");
    }
}
