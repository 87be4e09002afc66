using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Planning.Candidates;

namespace Stow.Planning.Tests.Candidates;

public class LanePlacementTests
{
    private static readonly BinSpec Bin = new(new BinId(0, 0), 0.30, 0.20, 0.40, [], 0.01, Vec3.Zero);

    /// <summary>A 4 × 12 free-depth map (row 0 at the floor, column 0 at y = 0): <paramref name="depthOf"/>(row, column).</summary>
    private static BinSpaceEstimate Estimate(Func<int, int, float> depthOf)
    {
        const int rows = 4, cols = 12;
        var map = new float[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                map[(r * cols) + c] = depthOf(r, c);
            }
        }

        var box = new PrimitiveSpace(Primitive.None, 0.1, 0.1, 0.1);
        return new BinSpaceEstimate(Bin.Id, 0, 0.01, box, 0.8, [box], map, rows, cols);
    }

    [Theory(Timeout = 10_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_Item_Goes_Into_The_Deepest_Lane_The_Cameras_See(bool contentsOnTheRight)
    {
        await Task.Yield();
        // Contents fill one half of the bin's floor (free depth 5 cm); the other half is empty (40 cm).
        var estimate = Estimate((_, c) => (c < 6) == contentsOnTheRight ? 0.05f : 0.40f);

        var y = LanePlacement.Choose(estimate, Bin, width: 0.10, height: 0.08);

        if (contentsOnTheRight)
        {
            Assert.InRange(y, 0.15 - 1e-9, 0.20 + 1e-9); // lane [y, y + 0.1] inside the empty left half [0.15, 0.30]
        }
        else
        {
            Assert.InRange(y, 0, 0.05 + 1e-9);
        }
    }

    [Fact(Timeout = 10_000)]
    public async Task Only_The_Rows_The_Item_Occupies_Count()
    {
        await Task.Yield();
        // A shelf of contents high up on the left (rows 2-3) does not block a low item there; a low obstacle on the right does.
        var estimate = Estimate((r, c) => (c >= 6 && r >= 2) || (c < 6 && r == 0) ? 0.05f : 0.40f);

        var low = LanePlacement.Choose(estimate, Bin, width: 0.10, height: 0.05);

        Assert.InRange(low, 0.15 - 1e-9, 0.20 + 1e-9);
    }

    [Fact(Timeout = 10_000)]
    public async Task Without_A_Map_Or_Room_To_Move_The_Item_Goes_Against_The_Right_Wall()
    {
        await Task.Yield();
        var box = new PrimitiveSpace(Primitive.None, 0.1, 0.1, 0.1);
        var noMap = new BinSpaceEstimate(Bin.Id, 0, 0.01, box, 1, [box], [], 0, 0);

        Assert.Equal(0, LanePlacement.Choose(noMap, Bin, 0.1, 0.1));
        Assert.Equal(0, LanePlacement.Choose(Estimate((_, _) => 0.4f), Bin, 0.35, 0.1));
    }

    /// <summary>The bin of <see cref="Bin"/>'s shape at face offset <paramref name="originY"/> [m] on a 1 m face.</summary>
    private static BinSpec At(double originY) => Bin with { Origin = new Vec3(0, originY, 0) };

    [Theory(Timeout = 10_000)]
    [InlineData(0.00, 0.0)]  // right of the centre line: the outer wall is the right one, y = 0
    [InlineData(0.70, 0.2)]  // left of it: the outer wall is the left one, the lane at y = span (0.30 - 0.10)
    public async Task Between_Equally_Deep_Walls_The_Item_Goes_Against_The_Outer_One(double originY, double expected)
    {
        await Task.Yield();
        var empty = Estimate((_, _) => 0.40f);

        Assert.Equal(expected, LanePlacement.Choose(empty, At(originY), width: 0.10, height: 0.08, faceWidth: 1.0), 9);
        Assert.Equal(0, LanePlacement.Choose(empty, At(originY), width: 0.10, height: 0.08)); // face unknown: the right wall
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Thin_Item_Stays_Out_Of_The_Inner_Walls_Hidden_Strip_Unless_Nothing_Else_Has_Room()
    {
        await Task.Yield();
        // A bin right of the centre line (inner wall on the left, y = 0.30). The lane along the inner wall is the deepest.
        var bin = At(0.0);
        var innerDeepest = Estimate((_, c) => c >= 7 ? 0.40f : 0.30f); // 40 cm from y = 0.175 m to the inner wall
        var innerOnly = Estimate((_, c) => c >= 11 ? 0.40f : 0f);

        // A wide item takes the deepest lane, against the inner wall; a 2 cm item takes the deep lane nearest to it
        // that does not touch it (y = 0.28 · 7/8 = 0.245 m, 3.5 cm off the wall).
        Assert.Equal(0.20, LanePlacement.Choose(innerDeepest, bin, width: 0.10, height: 0.05, faceWidth: 1.0), 9);
        Assert.Equal(0.245, LanePlacement.Choose(innerDeepest, bin, width: 0.02, height: 0.05, faceWidth: 1.0), 9);
        Assert.Equal(0.28, LanePlacement.Choose(innerDeepest, bin, width: 0.02, height: 0.05), 9); // face unknown: as before
        // With no room anywhere else the inner lane is still used.
        Assert.Equal(0.28, LanePlacement.Choose(innerOnly, bin, width: 0.02, height: 0.05, faceWidth: 1.0), 9);
    }
}
