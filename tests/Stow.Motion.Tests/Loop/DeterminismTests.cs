using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Space;
using Stow.Motion.Primitives;
using Stow.Motion.Tests.Support;
using Stow.Sim.Devices.Contact;

namespace Stow.Motion.Tests.Loop;

public class DeterminismTests
{
    [Fact]
    public void The_Same_Seed_Gives_The_Same_Trajectory()
    {
        var a = Trajectory(seed: 11);
        var b = Trajectory(seed: 11);
        var c = Trajectory(seed: 12);
        Assert.True(a.Length > 1000);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c); // the wrench noise differs, and the admittance feeds it back into the motion
    }

    private static byte[] Trajectory(int seed)
    {
        var bin = SimRig.TestBin();
        var geometry = StaticContactGeometry.ForBin(bin);
        geometry.AddItem(new Box3(new Vec3(0.05, 0.06, 0), new Vec3(0.25, 0.12, 0.15)), 0.3);
        var rig = new SimRig(seed, geometry, bin);
        rig.Eoat.LoadItem(0.15, 0.08, 0.4);
        var plan = new StowPlan(new ItemId("X"), new ItemDimensions(0.15, 0.08, 0.05), 0.4, bin,
            [new PrimitiveStep(Primitive.SweepLeft, 0.03, 0.06, 0.1)], InsertY: 0.08);
        using var log = new MemoryStream();
        using var writer = new BinaryWriter(log);
        var r = rig.RunToEnd(StowSequence.Create(plan), 60, () =>
        {
            var p = rig.Arm.State.TcpPose.Position;
            writer.Write(p.X);
            writer.Write(p.Y);
            writer.Write(p.Z);
        });
        Assert.Equal(ActionResult.Succeeded, r);
        writer.Flush();
        return log.ToArray();
    }
}
