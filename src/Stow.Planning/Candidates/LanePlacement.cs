using Stow.Core.Pods;
using Stow.Core.Space;

namespace Stow.Planning.Candidates;

/// <summary>
/// Chooses where across a bin's opening an item goes, from the perceived free-depth map alone: the lane (the item's
/// width at one of <see cref="Positions"/> evenly spaced offsets from the right wall, y = 0) whose shallowest cell over
/// the item's height, from the floor up, is deepest; ties go to the lane nearer a wall (it leaves the rest of the bin
/// contiguous), and between the two walls to the bin's outer one, the wall farther from the face's centre line, when the
/// face width is given. Without a map (a ground-truth estimate without one) the item goes against the right wall.
/// Stateless; thread-safe; allocation-free.
/// </summary>
/// <remarks>
/// Why the outer wall: the cameras stand on the pod face's centre line, so they look into a bin left or right of it at an
/// angle, and the bin's inner side wall (the one nearer the centre line) hides a strip along itself that widens with
/// depth. An item in that strip changes nothing the camera sees, so the cell cannot read its outcome: on the default run
/// (seed 1) every stowed item read as missing was 1.8-2.8 cm wide against the inner wall of an outer column. The outer
/// wall's strip is in view. An item narrower than <see cref="HiddenStripWidth"/> avoids the inner wall's lane altogether
/// unless no other lane has room.
/// </remarks>
public static class LanePlacement
{
    /// <summary>Lateral positions tried across the free span (as many as the simulator's former preview tried).</summary>
    public const int Positions = 9;

    /// <summary>
    /// Items narrower than this [m] are not put against a bin's inner wall while another lane has room (0.03: the stowed
    /// items the depth change could not see were 1.8-2.8 cm wide, see remarks).
    /// </summary>
    public const double HiddenStripWidth = 0.03;

    /// <summary>The chosen lateral offset [m] of the item's right edge from the bin's right wall, in [0, opening width − width].</summary>
    /// <param name="estimate">The bin's perceived space (free-depth map: row 0 at the floor, column 0 at y = 0).</param>
    /// <param name="bin">The bin's geometry.</param>
    /// <param name="width">The item's extent across the opening in its orientation [m].</param>
    /// <param name="height">The item's extent up the opening in its orientation [m].</param>
    /// <param name="faceWidth">Width of the pod face [m] (its centre line is at half of it in the face frame), or null when
    /// unknown: then the walls tie and the right one wins.</param>
    /// <returns>The offset [m].</returns>
    public static double Choose(BinSpaceEstimate estimate, BinSpec bin, double width, double height, double? faceWidth = null)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(bin);
        var span = Math.Max(0, bin.OpeningWidth - width);
        var cols = estimate.GridCols;
        var rows = estimate.GridRows;
        if (cols <= 0 || rows <= 0 || estimate.FreeDepth.Length < rows * cols || span <= 0)
        {
            return 0;
        }

        // In the face frame y points to the robot's left from the face's right edge: a bin whose centre lies left of the
        // centre line has its outer wall at y = opening width (the lane at y = span), its inner wall at y = 0.
        var outerIsLeft = faceWidth is { } fw && bin.Origin.Y + (bin.OpeningWidth / 2) > fw / 2;
        var thin = faceWidth is not null && width < HiddenStripWidth;
        var (best, bestDepth) = Search(estimate, bin, span, width, height, outerIsLeft, skipInner: thin);
        if (thin && bestDepth <= 0)
        {
            (best, _) = Search(estimate, bin, span, width, height, outerIsLeft, skipInner: false);
        }

        return best;
    }

    private static (double Y, double Depth) Search(BinSpaceEstimate estimate, BinSpec bin, double span, double width, double height, bool outerIsLeft, bool skipInner)
    {
        var best = 0.0;
        var bestDepth = double.NegativeInfinity;
        var bestWall = double.PositiveInfinity;
        var bestOuter = double.PositiveInfinity;
        for (var i = 0; i < Positions; i++)
        {
            var y = span * i / (Positions - 1);
            var toOuter = outerIsLeft ? span - y : y;
            if (skipInner && i == (outerIsLeft ? 0 : Positions - 1))
            {
                continue;
            }

            var depth = LaneDepth(estimate, bin, y, width, height);
            var wall = Math.Min(y, span - y);
            var tie = Math.Abs(depth - bestDepth) <= 1e-6;
            if (depth > bestDepth + 1e-6 || (tie && wall < bestWall - 1e-12) || (tie && Math.Abs(wall - bestWall) <= 1e-12 && toOuter < bestOuter))
            {
                (best, bestDepth, bestWall, bestOuter) = (y, depth, wall, toOuter);
            }
        }

        return (best, bestDepth);
    }

    /// <summary>
    /// The free depth [m] of a lane: the shallowest cell of the free-depth map over the lane's columns
    /// [<paramref name="y"/>, <paramref name="y"/> + <paramref name="width"/>] and its rows from the floor up to
    /// <paramref name="height"/>; the bin depth when the estimate has no map.
    /// </summary>
    /// <param name="estimate">The bin's perceived space.</param>
    /// <param name="bin">The bin's geometry.</param>
    /// <param name="y">Offset of the lane's right edge from the right wall [m].</param>
    /// <param name="width">Lane width [m].</param>
    /// <param name="height">Height of the lane from the floor [m].</param>
    /// <returns>The lane's free depth [m].</returns>
    public static double LaneDepth(BinSpaceEstimate estimate, BinSpec bin, double y, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(bin);
        var cols = estimate.GridCols;
        var rows = estimate.GridRows;
        if (cols <= 0 || rows <= 0 || estimate.FreeDepth.Length < rows * cols)
        {
            return bin.Depth;
        }

        var cellW = bin.OpeningWidth / cols;
        var cellH = bin.OpeningHeight / rows;
        var topRow = Math.Clamp((int)Math.Ceiling(height / cellH) - 1, 0, rows - 1);
        var c0 = Math.Clamp((int)Math.Floor((y / cellW) + 1e-9), 0, cols - 1);
        var c1 = Math.Clamp((int)Math.Ceiling(((y + width) / cellW) - 1e-9) - 1, c0, cols - 1);
        var depth = double.PositiveInfinity;
        for (var r = 0; r <= topRow; r++)
        {
            for (var c = c0; c <= c1; c++)
            {
                depth = Math.Min(depth, estimate.FreeDepth[(r * cols) + c]);
            }
        }

        return depth;
    }
}
