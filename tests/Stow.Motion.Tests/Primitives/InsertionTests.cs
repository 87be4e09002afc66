using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Motion.Primitives;
using Stow.Motion.Tests.Support;

namespace Stow.Motion.Tests.Primitives;

public class InsertionTests
{
    private static StowPlan Plan(SimRig rig) =>
        new(new ItemId("X1"), new ItemDimensions(0.15, 0.08, 0.05), 0.4, rig.Bin, [], InsertY: 0.15);

    [Fact]
    public void Insertion_Feeds_The_Item_Until_The_Beams_Clear()
    {
        var rig = new SimRig();
        rig.Eoat.LoadItem(0.15, 0.08, 0.4);
        rig.Loop.RunCycles(2);
        Assert.True(rig.Eoat.State.ItemPresent);

        var r = rig.RunToEnd(new InsertionAction(Plan(rig)), 10);

        Assert.Equal(ActionResult.Succeeded, r);
        Assert.False(rig.Eoat.State.ItemPresent);
        Assert.Equal(1, rig.Cell.ItemsReleased);
    }

    [Fact]
    public void Belt_Jam_Is_Detected_And_Reported_Within_The_Time_Bound()
    {
        var rig = new SimRig();
        rig.Eoat.LoadItem(0.15, 0.08, 0.4);
        var insertion = new InsertionAction(Plan(rig));
        var started = double.NaN;
        var r = rig.RunToEnd(insertion, 30, () =>
        {
            // Jam the belts as soon as the feed starts.
            if (insertion.SegmentIndex == 1 && double.IsNaN(started))
            {
                started = rig.Clock.Now;
                rig.Eoat.Faults.BeltJam = true;
            }
        });

        Assert.Equal(ActionResult.Failed(FailureReason.Stall), r);
        Assert.True(rig.Clock.Now - started < insertion.FeedTimeout, "reported before the feed's time bound");
        Assert.True(rig.Clock.Now - started < 0.5, $"reported quickly ({rig.Clock.Now - started:F3} s)");
        Assert.True(rig.Eoat.State.ItemPresent, "the item is still in the paddles");
        Assert.Equal(0, rig.Eoat.State.LeftBeltSpeed);
    }

    [Fact]
    public void Insertion_Without_An_Item_Fails_With_Item_Not_Detected()
    {
        var rig = new SimRig();
        var r = rig.RunToEnd(new InsertionAction(Plan(rig)), 10);
        Assert.Equal(ActionResult.Failed(FailureReason.ItemNotDetected), r);
    }

    [Fact]
    public void Dropped_Belt_Commands_End_In_A_Reported_Failure_Not_A_Hang()
    {
        var rig = new SimRig();
        rig.Eoat.LoadItem(0.15, 0.08, 0.4);
        rig.Eoat.Faults.DropCommands = true;
        var r = rig.RunToEnd(new InsertionAction(Plan(rig)), 30);
        Assert.Equal(ActionStatus.Failed, r.Status);
        Assert.Contains(r.Reason, new[] { FailureReason.Stall, FailureReason.Timeout });
    }
}
