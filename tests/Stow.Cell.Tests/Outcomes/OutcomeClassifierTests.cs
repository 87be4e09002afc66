using Stow.Core.Outcomes;
using Stow.Cell.Outcomes;
using Stow.Cell.Shift;
using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Perception.Change;
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

    // The item's front face (0.1 m wide, 0.05 m high in LWH) is 0.005 m².
    private const double Face = 0.1 * 0.05;

    /// <summary>A depth change of <paramref name="closer"/> m² (of which <paramref name="near"/> m² at the opening plane)
    /// spread over the lateral span [<paramref name="y0"/>, <paramref name="y1"/>] m of the 0.30 m opening (48 strips).</summary>
    private static DepthChangeProfile Change(double y0, double y1, double closer, double near = 0)
    {
        const int n = 48;
        var w = Bin.OpeningWidth / n;
        var compared = new float[n];
        var c = new float[n];
        var nr = new float[n];
        Array.Fill(compared, (float)(w * Bin.OpeningHeight));
        var i0 = (int)Math.Round(y0 / w);
        var i1 = (int)Math.Round(y1 / w);
        for (var i = i0; i < i1; i++)
        {
            c[i] = (float)(closer / (i1 - i0));
            nr[i] = (float)(near / (i1 - i0));
        }

        return new DepthChangeProfile(Bin.OpeningWidth, compared, c, nr);
    }

    private static WorldOutcome WithChange(StowAction action, BinSpaceEstimate before, BinSpaceEstimate after, DepthChangeProfile change, MotionReport? motion = null) =>
        OutcomeClassifier.Classify(motion ?? Done, false, action, Bin, before, after, change: change);

    [Fact(Timeout = 10_000)]
    public async Task A_Small_Item_The_Space_Estimate_Cannot_Resolve_Is_Read_Stowed_From_The_Depth_Change()
    {
        await Task.Yield();
        // A 3 cm cube at y = 0.05 m: the estimate does not move (its grid cells are 2.5 x 5 cm), the depth image shows its face.
        var cube = Action with { Item = Action.Item with { Dimensions = new ItemDimensions(0.03, 0.03, 0.03) }, Lateral = 0.05 };
        var seen = WithChange(cube, Before, Before, Change(0.05, 0.08, 0.8 * 0.03 * 0.03));

        Assert.Equal(new WorldOutcome(StowOutcome.Stowed, "stowed"), seen);
        // Without the depth change, the same estimates read it as missing.
        Assert.Equal(new WorldOutcome(StowOutcome.Defect, "missing"), OutcomeClassifier.Classify(Done, false, cube, Bin, Before, Before));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Bin_Whose_Depth_Did_Not_Change_Reads_The_Item_As_Missing()
    {
        await Task.Yield();
        var r = WithChange(Action, Before, Seen(0.39, 0.0199), Change(0.15, 0.25, 0));

        Assert.Equal(new WorldOutcome(StowOutcome.Defect, "missing"), r);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Change_Beside_The_Items_Lane_Does_Not_Show_The_Item()
    {
        await Task.Yield();
        // Something came closer at y 0-0.10 m (a neighbour that settled); the item's lane is y 0.15-0.25 m (± 2 cm).
        var r = WithChange(Action, Before, Before, Change(0.0, 0.10, 4 * Face));

        Assert.Equal(new WorldOutcome(StowOutcome.Defect, "missing"), r);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_New_Surface_At_The_Opening_Plane_In_A_Lane_With_Room_Is_A_Protruding_Defect()
    {
        await Task.Yield();
        var r = WithChange(Action, Before, Seen(0.0, 0.019), Change(0.15, 0.25, 0.9 * Face, near: 0.9 * Face));

        Assert.Equal(new WorldOutcome(StowOutcome.Defect, "protruding", StoppedShort: true), r);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Lane_The_Estimate_Reads_Blocked_Is_Stowed_When_The_Items_Face_Is_Seen_Deep_Inside()
    {
        await Task.Yield();
        // The default run's misreading: the re-perceived lane's free depth fell to 0 though the face is far from the opening.
        var r = WithChange(Action, Before, Seen(0.0, 0.019), Change(0.15, 0.25, 0.9 * Face));

        Assert.Equal(new WorldOutcome(StowOutcome.Stowed, "stowed"), r);
        Assert.Equal(StowOutcome.Defect, OutcomeClassifier.Classify(Done, false, Action, Bin, Before, Seen(0.0, 0.019)).Kind);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_Item_As_Deep_As_Its_Lane_Seen_Flush_With_The_Opening_Is_Stowed_Unless_The_Feed_Stalled()
    {
        await Task.Yield();
        var flush = Change(0.15, 0.25, Face, near: Face);

        var free = WithChange(Action, Seen(0.21, 0.020), Seen(0.0, 0.019), flush, Fed(1.2, 10));
        var stalled = WithChange(Action, Seen(0.21, 0.020), Seen(0.0, 0.019), flush, Fed(2.2, 10));

        Assert.Equal(new WorldOutcome(StowOutcome.Stowed, "stowed"), free);
        Assert.Equal(new WorldOutcome(StowOutcome.Defect, "protruding (feed stalled)", StoppedShort: true), stalled);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_Item_The_Camera_Cannot_See_Falls_Back_To_The_Space_Estimate()
    {
        await Task.Yield();
        // Hidden from the depth image (a thin item behind the nearer side wall), but the lane's free depth fell by its depth.
        var r = WithChange(Action, Before, Seen(0.20, 0.0199), Change(0.15, 0.25, 0.05 * Face));

        Assert.Equal(new WorldOutcome(StowOutcome.Stowed, "stowed (space estimate)"), r);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Wide_Item_That_Changed_Nothing_In_The_Frames_Is_Missing_Whatever_Its_Lanes_Estimate_Says()
    {
        await Task.Yield();
        // The lane's estimated free depth fell by more than half the item's depth, the bin lost next to no free volume, and
        // the depth frames show no change anywhere in the bin: the seeded light-arrival shift's base-rate defect (an item
        // gone from the bin) that the lane's estimate alone read as stowed.
        var nothing = Change(0.15, 0.25, 0);
        var wide = WithChange(Action, Before, Seen(0.20, 0.0199), nothing);
        Assert.Equal(new WorldOutcome(StowOutcome.Defect, "missing"), wide);

        // A thin item can hide behind a side wall: for it the lane's estimate still counts.
        var thinItem = Action with { Item = Action.Item with { Dimensions = new ItemDimensions(0.2, 0.02, 0.05) } };
        Assert.Equal(new WorldOutcome(StowOutcome.Stowed, "stowed (space estimate)"), WithChange(thinItem, Before, Seen(0.20, 0.0199), nothing));

        // So does the bin's lost free volume when it accounts for the item, for a wide one too.
        Assert.Equal(new WorldOutcome(StowOutcome.Stowed, "stowed (space estimate)"), WithChange(Action, Before, Seen(0.20, 0.0194), nothing));
    }

    [Theory(Timeout = 10_000)]
    [InlineData(0.19, "missing")]
    [InlineData(0.21, "stowed")]
    public async Task The_Face_Share_Threshold_Decides(double share, string reason)
    {
        await Task.Yield();
        Assert.Equal(0.2, OutcomeClassifier.StowedShare);
        var r = WithChange(Action, Before, Before, Change(0.15, 0.25, share * Face));

        Assert.Equal(reason, r.Reason);
    }

    [Fact(Timeout = 10_000)]
    public async Task Evidence_Names_Every_Figure_It_Was_Read_From()
    {
        await Task.Yield();
        var e = OutcomeClassifier.Sense(Fed(1.3, 4), Action, Bin, Before, Seen(0.20, 0.019), Change(0.15, 0.25, 0.6 * Face, near: 0.1 * Face));

        Assert.Equal(0.2, e.ItemDepth, 9);
        Assert.Equal(Face, e.FaceArea, 9);
        Assert.Equal(0.40, e.LaneBefore, 6);
        Assert.Equal(0.20, e.LaneAfter, 6);
        Assert.Equal(0.001, e.VolumeTaken, 9);
        Assert.Equal(0.6, e.CloserShare!.Value, 4);
        Assert.Equal(0.1, e.NearOpeningShare!.Value, 4);
        Assert.Contains("closer 0.60 of the face", e.ToString(), StringComparison.Ordinal);
        Assert.Contains("belt rise 0.30 A", e.ToString(), StringComparison.Ordinal);
    }
}
