using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Perception.Space;

namespace Stow.Perception.Tests.Space;

public class FreeDepthAnalyzerTests
{
    private static readonly BinSpec Bin = new(new BinId(0, 0), 0.24, 0.16, 0.36, [0.05, 0.11], 0.012, Vec3.Zero);

    private static float[] Fill(int rows, int cols, float d) => Enumerable.Repeat(d, rows * cols).ToArray();

    [Fact]
    public void Empty_Bin_Gives_Its_Whole_Volume_And_Box()
    {
        var est = FreeDepthAnalyzer.Analyze(Bin, Fill(8, 12, 0.36f), 8, 12, 3.5, 0.9);
        Assert.Equal(Bin.Volume, est.FreeVolume, 9);
        Assert.Equal(0.24, est.LargestBox.Width, 9);
        Assert.Equal(0.16, est.LargestBox.Height, 9);
        Assert.Equal(0.36, est.LargestBox.Depth, 9);
        Assert.Equal(3.5, est.CaptureTime);
        Assert.Equal(6, est.Primitives.Count);
    }

    [Fact]
    public void An_Item_On_The_Right_Half_Leaves_The_Left_Half_Free()
    {
        // Columns 0..5 (y < 0.12 m) hold an item whose front is 0.06 m from the opening, up to row 4.
        const int rows = 8, cols = 12;
        var map = Fill(rows, cols, 0.36f);
        for (var r = 0; r < 5; r++)
        {
            for (var c = 0; c < 6; c++)
            {
                map[(r * cols) + c] = 0.06f;
            }
        }

        var est = FreeDepthAnalyzer.Analyze(Bin, map, rows, cols, 0, 1);
        var expectedVolume = Bin.Volume - (0.12 * 0.10 * 0.30);
        Assert.Equal(expectedVolume, est.FreeVolume, 9);
        Assert.Equal(0.12, est.LargestBox.Width, 9);
        Assert.Equal(0.16, est.LargestBox.Height, 9);
        Assert.Equal(0.36, est.LargestBox.Depth, 6);
        // Sweeping keeps the occupied width and frees the rest.
        Assert.Equal(0.12, est.SpaceFor(Primitive.SweepLeft).Width, 9);
        // Stacking on the item: rows 5..7 over the item's width, at full depth.
        var stack = est.SpaceFor(Primitive.Stack);
        Assert.Equal(0.12, stack.Width, 9);
        Assert.Equal(0.06, stack.Height, 9);
        // Slot widens the floor gap.
        Assert.True(est.SpaceFor(Primitive.Slot).Width > 0.12);
    }

    [Fact]
    public void The_Largest_Box_Is_Located_On_The_Grid_Cells_It_Covers()
    {
        // The item of the test above: columns 0..5, rows 0..4. The floor box is columns 6..11, all rows; the stacked box
        // rests on the item: columns 0..5, rows 5..7.
        const int rows = 8, cols = 12;
        var map = Fill(rows, cols, 0.36f);
        for (var r = 0; r < 5; r++)
        {
            for (var c = 0; c < 6; c++)
            {
                map[(r * cols) + c] = 0.06f;
            }
        }

        var floor = FreeDepthAnalyzer.LocateLargestBox(map, rows, cols, Bin, onContents: false, Primitive.None);
        Assert.Equal((0, 7, 6, 11), (floor.Row0, floor.Row1, floor.Col0, floor.Col1));
        Assert.Equal(FreeDepthAnalyzer.LargestBox(map, rows, cols, Bin, onContents: false, Primitive.None), floor.Box);
        var stack = FreeDepthAnalyzer.LocateLargestBox(map, rows, cols, Bin, onContents: true, Primitive.Stack);
        Assert.Equal((5, 7, 0, 5), (stack.Row0, stack.Row1, stack.Col0, stack.Col1));
        var full = FreeDepthAnalyzer.LocateLargestBox(Fill(rows, cols, 0f), rows, cols, Bin, onContents: false, Primitive.None);
        Assert.Equal((0.0, 0, 0, 0, 0), (full.Box.Volume, full.Row0, full.Row1, full.Col0, full.Col1));
    }

    [Fact]
    public void A_Flat_Item_On_The_Floor_Can_Be_Flipped_For_Width()
    {
        const int rows = 8, cols = 12;
        var map = Fill(rows, cols, 0.36f);
        for (var c = 0; c < 12; c++)
        {
            map[c] = 0.02f; // a 2 cm thick item lying over the whole floor
        }

        var est = FreeDepthAnalyzer.Analyze(Bin, map, rows, cols, 0, 1);
        Assert.Equal(0, est.SpaceFor(Primitive.SweepLeft).Width, 9);
        Assert.True(est.SpaceFor(Primitive.Flip).Width >= 0.2, "flipping frees most of the floor width");
    }

    [Fact]
    public void A_Known_Free_Volume_Replaces_The_Map_Integral_Clamped_To_The_Bin_And_Leaves_The_Boxes_Alone()
    {
        var map = Fill(8, 12, 0.36f);
        for (var c = 0; c < 12; c++)
        {
            map[c] = 0.1f; // an item along the floor row, front at 0.1 m
        }

        var fromMap = FreeDepthAnalyzer.Analyze(Bin, map, 8, 12, 0, 1);
        var given = FreeDepthAnalyzer.Analyze(Bin, map, 8, 12, 0, 1, freeVolume: 0.5 * Bin.Volume);
        var tooBig = FreeDepthAnalyzer.Analyze(Bin, map, 8, 12, 0, 1, freeVolume: 2 * Bin.Volume);

        Assert.True(fromMap.FreeVolume < Bin.Volume * 0.95);
        Assert.Equal(0.5 * Bin.Volume, given.FreeVolume, 9);
        Assert.Equal(Bin.Volume, tooBig.FreeVolume, 9);
        Assert.Equal(fromMap.LargestBox, given.LargestBox);
    }

    [Fact]
    public void Wrong_Map_Size_Is_Refused()
    {
        Assert.Throws<ArgumentException>(() => FreeDepthAnalyzer.Analyze(Bin, new float[5], 2, 3, 0, 1));
    }
}
