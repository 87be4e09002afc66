using Stow.Core.Geometry;
using Stow.Motion.Primitives;
using Stow.Motion.Tests.Support;

namespace Stow.Motion.Tests.Primitives;

public class GuardedMoveTests
{
    [Fact]
    public void Guarded_Move_Stops_On_Contact_With_The_Floor()
    {
        var rig = new SimRig();
        // Spatula out, above the bin floor, then search downwards.
        var above = Pose.At(-0.005, 0.15, 0.1);
        Assert.Equal(ActionResult.Succeeded, rig.RunToEnd(new GuardedMoveAction("to_start", above, 0.5, 40, false), 10));
        rig.Eoat.CommandSpatula(0.2);
        rig.Loop.RunCycles(1000);

        var search = new GuardedMoveAction("search_floor", Pose.At(-0.005, 0.15, -0.05), 0.05, 8, stopOnContact: true);
        var r = rig.RunToEnd(search, 10);

        Assert.Equal(ActionResult.Succeeded, r);
        // The blade (half height 4 cm) touches the floor at z = 0 when the TCP is at 4 cm; the soft floor yields a few mm.
        Assert.InRange(rig.Arm.State.TcpPose.Position.Z, 0.035, 0.045);
    }

    [Fact]
    public void Guarded_Move_Reports_A_Stall_When_The_Arm_Does_Not_Follow()
    {
        var rig = new SimRig();
        rig.Arm.Faults.DropCommands = true;
        var start = rig.Arm.State.TcpPose;
        var move = new GuardedMoveAction("move", new Pose(start.Position - new Vec3(0.3, 0, 0), start.Orientation), 0.1, 40, false);
        Assert.Equal(ActionResult.Failed(FailureReason.Stall), rig.RunToEnd(move, 10));
    }
}
