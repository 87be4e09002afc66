using Stow.Core.Geometry;
using Stow.Motion.Primitives;
using Stow.Motion.Tests.Support;

namespace Stow.Motion.Tests.Primitives;

public class RetractReliefTests
{
    /// <summary>Presses the extended spatula into the bin floor until the wrench exceeds <paramref name="force"/> [N].</summary>
    private static SimRig PressedIntoFloor(double force)
    {
        var rig = new SimRig();
        Assert.Equal(ActionResult.Succeeded, rig.RunToEnd(new GuardedMoveAction("to_start", Pose.At(-0.005, 0.15, 0.1), 0.5, 40, false), 10));
        rig.Eoat.CommandSpatula(0.2);
        rig.Loop.RunCycles(1000);
        var press = new GuardedMoveAction("press", Pose.At(-0.005, 0.15, -0.2), 0.05, force, stopOnContact: true);
        Assert.Equal(ActionResult.Succeeded, rig.RunToEnd(press, 10));
        return rig;
    }

    [Fact(Timeout = 60_000)]
    public async Task A_Retract_Leaves_A_Contact_The_Tool_Was_Pressed_Into_Over_Its_Limit()
    {
        await Task.Yield();
        var rig = PressedIntoFloor(60);
        Assert.True(rig.Arm.State.TcpWrench.Force.Length > PrimitiveLimits.Default.TransitForceLimit, "the press must leave the tool over the transit limit");

        var r = rig.RunToEnd(new RetractAction(rig.Bin, PrimitiveLimits.Default), 20);

        Assert.Equal(ActionResult.Succeeded, r);
        Assert.True(rig.Arm.State.TcpWrench.Force.Length < PrimitiveLimits.Default.ContactThreshold);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_Plain_Move_From_The_Same_Contact_Stops_On_Its_Force_Limit()
    {
        await Task.Yield();
        var rig = PressedIntoFloor(60);
        var up = new GuardedMoveAction("up", Pose.At(-0.005, 0.15, 0.1), 0.5, PrimitiveLimits.Default.TransitForceLimit, false);

        Assert.Equal(ActionResult.Failed(FailureReason.ForceLimit), rig.RunToEnd(up, 10));
    }
}
