using Stow.Tools.PerceptionTools.Real;

namespace Stow.Tools.Tests.Perception;

public sealed class DepthHoleFillTests
{
    private static readonly ushort[] Sparse =
    [
        1000, 0, 0,
        0, 0, 0,
        0, 0, 1003,
    ];

    [Fact]
    public void One_Pass_Fills_Holes_Next_To_Depth_With_The_Truncated_Mean()
    {
        // The centre sees 1000 and 1003: mean 1001.5 truncates to 1001. Corners (2,0) and (0,2) have no valid neighbour yet.
        Assert.Equal(new ushort[] { 1000, 1000, 0, 1000, 1001, 1003, 0, 1003, 1003 }, DepthHoleFill.Fill(Sparse, 3, 3, 1));
    }

    [Fact]
    public void Later_Passes_Grow_From_The_Previous_Pass_And_Stop_When_Nothing_Is_Left()
    {
        // (2,0) sees 1000, 1001, 1003 after the first pass: 3004 / 3 = 1001.33 -> 1001.
        var expected = new ushort[] { 1000, 1000, 1001, 1000, 1001, 1003, 1001, 1003, 1003 };
        Assert.Equal(expected, DepthHoleFill.Fill(Sparse, 3, 3, 2));
        Assert.Equal(expected, DepthHoleFill.Fill(Sparse, 3, 3, 40));
        Assert.Equal(Sparse, DepthHoleFill.Fill(Sparse, 3, 3, 0));
        Assert.Equal(new ushort[4], DepthHoleFill.Fill(new ushort[4], 2, 2, 5));
    }

    [Fact]
    public void Buffer_That_Does_Not_Match_The_Size_Is_Refused()
    {
        Assert.Throws<ArgumentException>(() => DepthHoleFill.Fill(Sparse, 4, 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DepthHoleFill.Fill(Sparse, 3, 3, -1));
    }
}
