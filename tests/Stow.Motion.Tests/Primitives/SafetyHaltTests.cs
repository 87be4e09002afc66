using Stow.Core.Space;
using Stow.Hardware.Lifecycle;
using Stow.Motion.Primitives;
using Stow.Motion.Tests.Support;

namespace Stow.Motion.Tests.Primitives;

public class SafetyHaltTests
{
    [Fact]
    public void EStop_Halts_Motion_Commands_Within_One_Cycle()
    {
        var rig = new SimRig();
        var sweep = new SweepAction(rig.Bin, new PrimitiveStep(Primitive.SweepLeft, 0.05, 0.1, 0.1), PrimitiveLimits.Default);
        Assert.True(rig.Runner.Start(sweep));
        rig.Loop.RunCycles(300);
        Assert.Equal(ActionStatus.Running, rig.Runner.Poll().Status);
        Assert.True(rig.Arm.State.TcpTwist.Linear.Length > 0.05, "the arm was moving");

        rig.Safety.PressEStop();
        rig.Loop.RunCycles(1);

        Assert.Equal(ActionResult.Failed(FailureReason.Halted), rig.Runner.Poll());
        Assert.Equal(1, rig.Runner.HaltCount);
        Assert.True(rig.Arm.State.ProtectiveStop);
        Assert.Equal(CommandStatus.Stopped, rig.Arm.CommandPose(rig.Arm.State.TcpPose));

        // The arm ramps down at its stop deceleration and stays stopped.
        rig.Loop.RunCycles(200);
        Assert.True(rig.Arm.State.TcpTwist.Linear.Length < 1e-9);
        Assert.False(rig.Runner.Start(sweep) && RunOne(rig).Status == ActionStatus.Running, "no new motion while the e-stop is pressed");
    }

    [Fact]
    public void Motion_Resumes_Only_After_EStop_Release_And_Reset()
    {
        var rig = new SimRig();
        rig.Safety.PressEStop();
        rig.Loop.RunCycles(2);
        rig.Safety.ReleaseEStop();
        rig.Loop.RunCycles(2);
        Assert.False(rig.Safety.State.MotionAllowed, "a protective stop stays latched until reset");
        Assert.Equal(CommandStatus.Accepted, rig.Safety.RequestReset());
        rig.Loop.RunCycles(2);
        Assert.True(rig.Safety.State.MotionAllowed);
        var approach = new ApproachAction(rig.Bin, PrimitiveLimits.Default);
        Assert.Equal(ActionResult.Succeeded, rig.RunToEnd(approach, 10));
    }

    private static ActionResult RunOne(SimRig rig)
    {
        rig.Loop.RunCycles(1);
        return rig.Runner.Poll();
    }

    [Fact]
    public void EStop_Halts_A_Running_Stow_Sequence_And_Names_The_Step()
    {
        var rig = new SimRig();
        rig.Eoat.LoadItem(0.15, 0.08, 0.4);
        var plan = new StowPlan(new Stow.Core.Ids.ItemId("X"), new Stow.Core.Items.ItemDimensions(0.15, 0.08, 0.05), 0.4, rig.Bin,
            [new PrimitiveStep(Primitive.SweepLeft, 0.03, 0.06, 0.1)], InsertY: 0.1);
        var sequence = StowSequence.Create(plan);
        Assert.True(rig.Runner.Start(sequence));
        rig.Loop.RunUntil(() => sequence.Current?.Name == "sweep_left", 20_000);
        rig.Loop.RunCycles(500);

        rig.Safety.PressEStop();
        rig.Loop.RunCycles(1);

        Assert.Equal(ActionResult.Failed(FailureReason.Halted), rig.Runner.Poll());
        Assert.Equal("sweep_left", sequence.FailedStep);
        Assert.Equal(0, rig.Cell.ItemsReleased);
    }

    [Fact]
    public void Comms_Loss_With_The_Arm_Fails_The_Action_As_A_Hardware_Fault()
    {
        var rig = new SimRig();
        Assert.True(rig.Runner.Start(new ApproachAction(rig.Bin, PrimitiveLimits.Default)));
        rig.Loop.RunCycles(100);
        rig.Arm.Faults.CommsLoss = true;
        rig.Loop.RunCycles(1);

        Assert.Equal(ActionResult.Failed(FailureReason.HardwareFault), rig.Runner.Poll());
        Assert.Equal(1, rig.Hardware.FaultCount);
        Assert.Equal("arm", rig.Hardware.LastFaultedComponent);
    }
}
