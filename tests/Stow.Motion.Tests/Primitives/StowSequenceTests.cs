using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Space;
using Stow.Hardware.BandSeparator;
using Stow.Motion.Primitives;
using Stow.Motion.Tests.Support;

namespace Stow.Motion.Tests.Primitives;

public class StowSequenceTests
{
    private static StowPlan Plan(SimRig rig, params PrimitiveStep[] chain) =>
        new(new ItemId("X1"), new ItemDimensions(0.15, 0.08, 0.05), 0.4, rig.Bin, chain, InsertY: 0.1);

    [Fact]
    public void A_Full_Stow_Runs_Every_Step_And_Releases_The_Bands()
    {
        var rig = new SimRig();
        rig.Eoat.LoadItem(0.15, 0.08, 0.4);
        var sequence = StowSequence.Create(Plan(rig, new PrimitiveStep(Primitive.SweepLeft, 0.03, 0.06, 0.1)));
        Assert.Equal(
            ["approach", "band_separation", "sweep_left", "insertion", "retract", "release_bands"],
            sequence.Steps.Select(s => s.Name));

        var r = rig.RunToEnd(sequence, 60);

        Assert.Equal(ActionResult.Succeeded, r);
        Assert.Equal(1, rig.Cell.ItemsReleased);
        Assert.Equal(BandSeparatorPhase.Idle, rig.Context.BandSeparator!.State.Phase);
        Assert.True(rig.Clock.Now < 30, $"simulated stow took {rig.Clock.Now:F1} s");
    }

    [Fact]
    public void A_Substituted_Step_Fails_The_Sequence_With_Its_Reason()
    {
        var rig = new SimRig();
        rig.Eoat.LoadItem(0.15, 0.08, 0.4);
        var scripted = new ScriptedAction("sweep_left", ActionResult.Failed(FailureReason.Stall), polls: 3);
        var overrides = new ActionOverrides()
            .Substitute(new ScriptedAction("approach", ActionResult.Succeeded))
            .Substitute(new ScriptedAction("band_separation", ActionResult.Succeeded))
            .Substitute(scripted);
        var sequence = StowSequence.Create(Plan(rig, new PrimitiveStep(Primitive.SweepLeft, 0.03, 0.06, 0.1)), overrides);

        var r = rig.RunToEnd(sequence, 5);

        Assert.Equal(ActionResult.Failed(FailureReason.Stall), r);
        Assert.Equal("sweep_left", sequence.FailedStep);
        Assert.Equal(1, scripted.Starts);
        Assert.Equal(1, rig.Cell.ItemsReleased == 0 ? 1 : 0);
    }

    [Fact]
    public void Band_Separation_Times_Out_When_The_Separator_Drops_Commands()
    {
        var rig = new SimRig();
        var separator = (Stow.Sim.Devices.BandSeparator.SimBandSeparator)rig.Context.BandSeparator!;
        separator.Faults.DropCommands = true;
        var r = rig.RunToEnd(new BandSeparationAction(rig.Bin, PrimitiveLimits.Default), 10);
        Assert.Equal(ActionResult.Failed(FailureReason.Timeout), r);
        Assert.InRange(rig.Clock.Now, PrimitiveLimits.Default.BandTimeout, PrimitiveLimits.Default.BandTimeout + 0.1);
    }

    [Fact]
    public void Flip_Stack_And_Slot_Run_In_An_Empty_Bin()
    {
        var rig = new SimRig();
        foreach (var step in new[]
                 {
                     new PrimitiveStep(Primitive.Flip, 0.1, 0.05, 0.05),
                     new PrimitiveStep(Primitive.Stack, 0.15, 0.12, 0.05),
                     new PrimitiveStep(Primitive.Slot, 0.1, 0.08, 0.03, Angle: 0.2),
                 })
        {
            IMotionAction action = step.Kind switch
            {
                Primitive.Flip => new FlipAction(rig.Bin, step, PrimitiveLimits.Default),
                Primitive.Stack => new StackAction(rig.Bin, step, PrimitiveLimits.Default),
                _ => new SlotAction(rig.Bin, step, PrimitiveLimits.Default),
            };
            Assert.Equal(ActionResult.Succeeded, rig.RunToEnd(action, 20));
        }
    }
}
