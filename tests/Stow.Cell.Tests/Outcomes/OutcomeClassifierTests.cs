using Stow.Core.Outcomes;
using Stow.Cell.Outcomes;
using Stow.Cell.Shift;
using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Planning.Candidates;

namespace Stow.Cell.Tests.Outcomes;

/// <summary>The cell reads each attempt from its sensors: the motion, the EOAT's beams and the re-perceived bin.</summary>
public class OutcomeClassifierTests
{
    private const int Rows = 4, Cols = 12;
    private static readonly BinSpec Bin = new(new BinId(0, 0), 0.30, 0.20, 0.40, [], 0.01, Vec3.Zero);
    private static readonly MotionReport Done = new(true, 10, null, false);

    // A 0.2 x 0.1 x 0.05 m box lying flat (LWH: 0.2 deep, 0.1 across, 0.05 high) at y = 0.15 (columns 6-9).
    private static readonly StowAction Action = new(
        new Item(new ItemId("a"), "a", new ItemDimensions(0.2, 0.1, 0.05), 0.3, PackagingClass.Box, false, "", "test"),
        Bin.Id, [], ItemOrientation.LWH, 0.97, false, Lateral: 0.15);

    /// <summary>The bin: free depth 0.40 m everywhere except <paramref name="lane"/> m in the item's lane (rows 0-0, columns 6-9).</summary>
    private static BinSpaceEstimate Seen(double lane, double freeVolume)
    {
        var map = new float[Rows * Cols];
        Array.Fill(map, 0.40f);
        for (var c = 6; c <= 9; c++)
        {
            map[c] = (float)lane;
        }

        var box = new PrimitiveSpace(Primitive.None, 0.1, 0.1, 0.1);
        return new BinSpaceEstimate(Bin.Id, 0, freeVolume, box, 0.8, [box], map, Rows, Cols);
    }

    private static readonly BinSpaceEstimate Before = Seen(0.40, 0.020);

    [Fact(Timeout = 10_000)]
    public async Task An_Item_Seen_Inside_The_Bin_Is_Stowed()
    {
        await Task.Yield();
        var r = OutcomeClassifier.Classify(Done, false, Action, Bin, Before, Seen(0.20, 0.019));

        Assert.Equal(new WorldOutcome(StowOutcome.Stowed, "stowed"), r);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_Item_In_The_Opening_Plane_Is_A_Protruding_Defect_That_Stopped_Short()
    {
        await Task.Yield();
        var r = OutcomeClassifier.Classify(Done, false, Action, Bin, Before, Seen(0.0, 0.019));

        Assert.Equal(new WorldOutcome(StowOutcome.Defect, "protruding", StoppedShort: true), r);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_Item_As_Deep_As_Its_Lane_Ends_Flush_With_The_Opening_And_Is_Stowed()
    {
        await Task.Yield();
        var r = OutcomeClassifier.Classify(Done, false, Action, Bin, Seen(0.21, 0.020), Seen(0.0, 0.019));

        Assert.Equal(new WorldOutcome(StowOutcome.Stowed, "stowed"), r);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_Item_Still_Between_The_Paddles_Is_Unproductive_And_Stopped_Short()
    {
        await Task.Yield();
        var r = OutcomeClassifier.Classify(Done, true, Action, Bin, Before, Before);

        Assert.Equal(new WorldOutcome(StowOutcome.Unproductive, "still in paddles", StoppedShort: true), r);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Camera_That_Cannot_Show_The_Item_Leaves_The_Reading_To_The_Beams()
    {
        await Task.Yield();

        var cleared = OutcomeClassifier.Classify(Done, false, Action, Bin, Before, Before, binVisible: false);
        var held = OutcomeClassifier.Classify(Done, true, Action, Bin, Before, Before, binVisible: false);

        Assert.Equal(new WorldOutcome(StowOutcome.Stowed, "stowed (beams)"), cleared);
        Assert.Equal(new WorldOutcome(StowOutcome.Unproductive, "still in paddles", StoppedShort: true), held);
        // The same unchanged picture with a camera that can show the item reads as missing.
        Assert.Equal(StowOutcome.Defect, OutcomeClassifier.Classify(Done, false, Action, Bin, Before, Before).Kind);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_Item_Neither_In_The_Paddles_Nor_In_The_Bin_Is_Missing()
    {
        await Task.Yield();
        var r = OutcomeClassifier.Classify(Done, false, Action, Bin, Before, Seen(0.39, 0.0199));

        Assert.Equal(new WorldOutcome(StowOutcome.Defect, "missing"), r);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Failed_Motion_Is_Unproductive_With_Its_Reason_Whatever_The_Bin_Shows()
    {
        await Task.Yield();
        var failed = new MotionReport(false, 3, "insertion: belt jam (stall)", true);

        var r = OutcomeClassifier.Classify(failed, false, Action, Bin, Before, Seen(0.0, 0.0));

        Assert.Equal(new WorldOutcome(StowOutcome.Unproductive, "insertion: belt jam (stall)"), r);
    }

    // Belts feeding a 0.3 kg item freely at 1.0 A; the insertion's limits: jam at 2.5 A, contact force 30 N.
    private static MotionReport Fed(double peakCurrent, double peakForce) =>
        Done with { Feed = new FeedSensing(1.0, peakCurrent, peakForce, 2.5, 30) };

    [Theory(Timeout = 10_000)]
    [InlineData(2.0, 5.0)] // the belt current rose 1.0 A: the item was pushed against something
    [InlineData(1.1, 30.0)] // the wrench sensor felt the contact force limit
    public async Task A_Stalled_Feed_Is_Read_As_Protruding_When_The_Camera_Cannot_Show_The_Bin(double current, double force)
    {
        await Task.Yield();
        var r = OutcomeClassifier.Classify(Fed(current, force), false, Action, Bin, Before, Before, binVisible: false);

        Assert.Equal(new WorldOutcome(StowOutcome.Defect, "protruding (feed stalled)", StoppedShort: true), r);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Free_Feed_With_The_Beams_Clear_Is_Stowed_When_The_Camera_Cannot_Show_The_Bin()
    {
        await Task.Yield();
        // A rise just under the stall threshold and a force under the limit.
        var r = OutcomeClassifier.Classify(Fed(1.0 + FeedSensing.StallCurrentRise - 0.01, 29.9), false, Action, Bin, Before, Before, binVisible: false);

        Assert.Equal(new WorldOutcome(StowOutcome.Stowed, "stowed (beams)"), r);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Tight_Lane_Blocked_At_The_Opening_After_A_Stalled_Feed_Is_Protruding_Not_Flush()
    {
        await Task.Yield();
        // The same pictures as the flush case above; only the feed differs.
        var free = OutcomeClassifier.Classify(Fed(1.2, 10), false, Action, Bin, Seen(0.21, 0.020), Seen(0.0, 0.019));
        var stalled = OutcomeClassifier.Classify(Fed(2.2, 10), false, Action, Bin, Seen(0.21, 0.020), Seen(0.0, 0.019));

        Assert.Equal(new WorldOutcome(StowOutcome.Stowed, "stowed"), free);
        Assert.Equal(new WorldOutcome(StowOutcome.Defect, "protruding (feed stalled)", StoppedShort: true), stalled);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Stalled_Feed_Does_Not_Overrule_The_Beams_Or_A_Bin_That_Shows_The_Item_Inside()
    {
        await Task.Yield();
        var held = OutcomeClassifier.Classify(Fed(2.4, 30), true, Action, Bin, Before, Before, binVisible: false);
        var inside = OutcomeClassifier.Classify(Fed(2.4, 30), false, Action, Bin, Before, Seen(0.20, 0.019));

        Assert.Equal(new WorldOutcome(StowOutcome.Unproductive, "still in paddles", StoppedShort: true), held);
        Assert.Equal(new WorldOutcome(StowOutcome.Stowed, "stowed"), inside);
    }
}
