using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Core.Space;

namespace Stow.Perception.Space;

/// <summary>
/// Derives a <see cref="BinSpaceEstimate"/> from a free-depth map on the bin's grid (row 0 at the
/// floor, column 0 at y = 0; value = free depth from the opening plane [m]). Deterministic, stateless
/// and thread-safe; allocates only the result.
/// </summary>
/// <remarks>
/// What each primitive could make, from the map alone (the camera sees the pod face from the front):
/// <list type="bullet">
/// <item><b>None</b>: the largest box w·h·d standing on the bin floor (a plain insertion slides the item
/// in along the floor), over grid rectangles from row 0 whose depth is the rectangle's minimum free depth.</item>
/// <item><b>Sweep left/right</b>: the spatula compacts the contents against one wall; the occupied
/// width (columns whose lower half is occupied nearer than <see cref="OccupiedFraction"/> of the depth)
/// stays occupied, the rest of the width becomes free over the full height and depth.</item>
/// <item><b>Flip</b>: a low, flat item lying on the floor (occupied height ≤ <see cref="FlatFraction"/> of
/// the opening) stood upright frees its footprint width less its thickness; added to the floor gap.</item>
/// <item><b>Stack</b>: the largest box resting on contents: its bottom is above the floor and every
/// cell right under it is occupied.</item>
/// <item><b>Slot</b>: the widest floor-level gap, widened by <see cref="SlotCompliance"/> because an
/// angled insertion pushes compliant neighbours aside.</item>
/// </list>
/// The constants are our engineering assumptions, tuned on simulator scenes; they are not from a paper.
/// </remarks>
public static class FreeDepthAnalyzer
{
    /// <summary>A cell counts as occupied when its free depth is below this fraction of the bin depth.</summary>
    public const double OccupiedFraction = 0.9;

    /// <summary>Items at most this fraction of the opening height tall count as flat (flippable).</summary>
    public const double FlatFraction = 0.3;

    /// <summary>Extra width an angled slot insertion wins by pushing neighbours (fraction of the gap).</summary>
    public const double SlotCompliance = 0.3;

    /// <summary>Analyses one map.</summary>
    /// <param name="bin">Bin geometry.</param>
    /// <param name="freeDepth">Row-major map, length rows·cols, values [m].</param>
    /// <param name="rows">Grid rows (along z).</param>
    /// <param name="cols">Grid columns (along y).</param>
    /// <param name="captureTime">Capture time of the frames [s].</param>
    /// <param name="confidence">Confidence in [0, 1].</param>
    /// <param name="freeVolume">
    /// The bin's free volume [m³] when known from elsewhere (the space model's free-volume head, which also counts
    /// space hidden behind contents); null to integrate the map (the space in front of the first contents only).
    /// Clamped to [0, bin volume].
    /// </param>
    /// <exception cref="ArgumentException">Map size does not match rows·cols.</exception>
    public static BinSpaceEstimate Analyze(BinSpec bin, float[] freeDepth, int rows, int cols, double captureTime, double confidence, double? freeVolume = null)
    {
        if (freeDepth.Length != rows * cols || rows < 1 || cols < 1)
        {
            throw new ArgumentException($"free-depth map has {freeDepth.Length} cells, {rows}x{cols} expected");
        }

        var dy = bin.OpeningWidth / cols;
        var dz = bin.OpeningHeight / rows;
        double volume = 0;
        foreach (var f in freeDepth)
        {
            volume += Math.Clamp(f, 0, bin.Depth) * dy * dz;
        }

        if (freeVolume is { } known && double.IsFinite(known))
        {
            volume = Math.Clamp(known, 0, bin.Volume);
        }

        var none = LargestBox(freeDepth, rows, cols, bin, onContents: false, Primitive.None);
        var stack = LargestBox(freeDepth, rows, cols, bin, onContents: true, Primitive.Stack);

        var occupiedCols = 0;
        var flatGain = 0.0;
        var occThreshold = OccupiedFraction * bin.Depth;
        var runWidth = 0.0;
        var runTop = 0;
        for (var c = 0; c < cols; c++)
        {
            var top = -1;
            for (var r = 0; r < rows; r++)
            {
                if (freeDepth[(r * cols) + c] < occThreshold)
                {
                    top = r;
                }
            }

            var lowerOccupied = false;
            for (var r = 0; r < Math.Max(1, rows / 2); r++)
            {
                lowerOccupied |= freeDepth[(r * cols) + c] < occThreshold;
            }

            occupiedCols += lowerOccupied ? 1 : 0;
            var flat = top >= 0 && (top + 1) * dz <= FlatFraction * bin.OpeningHeight;
            if (flat)
            {
                runWidth += dy;
                runTop = Math.Max(runTop, top + 1);
            }

            if (!flat || c == cols - 1)
            {
                flatGain = Math.Max(flatGain, runWidth - (runTop * dz));
                runWidth = 0;
                runTop = 0;
            }
        }

        var sweepWidth = Math.Max(0, bin.OpeningWidth - (occupiedCols * dy));
        var floorGap = FloorGapWidth(freeDepth, rows, cols, dy, occThreshold);
        var flip = new PrimitiveSpace(Primitive.Flip, Math.Min(bin.OpeningWidth, floorGap + Math.Max(0, flatGain)), bin.OpeningHeight, bin.Depth);
        var slot = new PrimitiveSpace(Primitive.Slot, Math.Min(bin.OpeningWidth, floorGap * (1 + SlotCompliance)), bin.OpeningHeight, bin.Depth);
        PrimitiveSpace[] prims =
        [
            none,
            new PrimitiveSpace(Primitive.SweepLeft, sweepWidth, bin.OpeningHeight, bin.Depth),
            new PrimitiveSpace(Primitive.SweepRight, sweepWidth, bin.OpeningHeight, bin.Depth),
            flip,
            stack,
            slot,
        ];
        return new BinSpaceEstimate(bin.Id, captureTime, volume, none, confidence, prims, freeDepth, rows, cols);
    }

    /// <summary>
    /// Largest box (by volume) over grid rectangles; its depth is the minimum free depth over the
    /// rectangle. Without <paramref name="onContents"/> the rectangle stands on the floor (row 0); with it,
    /// the rectangle must rest on occupied cells (stacking).
    /// O(rows²·cols²).
    /// </summary>
    public static PrimitiveSpace LargestBox(float[] freeDepth, int rows, int cols, BinSpec bin, bool onContents, Primitive label) =>
        LocateLargestBox(freeDepth, rows, cols, bin, onContents, label).Box;

    /// <summary>
    /// <see cref="LargestBox"/> with where it is on the grid (for drawing it over the camera image). A bin with no free
    /// space gives an empty box at cell (0, 0).
    /// </summary>
    public static FreeBoxPlacement LocateLargestBox(float[] freeDepth, int rows, int cols, BinSpec bin, bool onContents, Primitive label)
    {
        ArgumentNullException.ThrowIfNull(freeDepth);
        ArgumentNullException.ThrowIfNull(bin);
        var dy = bin.OpeningWidth / cols;
        var dz = bin.OpeningHeight / rows;
        var occThreshold = (float)(OccupiedFraction * bin.Depth);
        Span<float> colMin = stackalloc float[rows];
        Span<float> colMax = stackalloc float[rows];
        var best = new FreeBoxPlacement(new PrimitiveSpace(label, 0, 0, 0), 0, 0, 0, 0);
        for (var c0 = 0; c0 < cols; c0++)
        {
            colMin.Fill(float.MaxValue);
            colMax.Fill(float.MinValue);
            for (var c1 = c0; c1 < cols; c1++)
            {
                for (var r = 0; r < rows; r++)
                {
                    colMin[r] = Math.Min(colMin[r], freeDepth[(r * cols) + c1]);
                    colMax[r] = Math.Max(colMax[r], freeDepth[(r * cols) + c1]);
                }

                var w = (c1 - c0 + 1) * dy;
                for (var r0 = onContents ? 1 : 0; r0 < (onContents ? rows : 1); r0++)
                {
                    if (onContents && colMax[r0 - 1] >= occThreshold)
                    {
                        continue;
                    }

                    var d = float.MaxValue;
                    for (var r1 = r0; r1 < rows; r1++)
                    {
                        d = Math.Min(d, colMin[r1]);
                        var depth = Math.Clamp(d, 0, bin.Depth);
                        var h = (r1 - r0 + 1) * dz;
                        if (w * h * depth > best.Box.Volume)
                        {
                            best = new FreeBoxPlacement(new PrimitiveSpace(label, w, h, depth), r0, r1, c0, c1);
                        }
                    }
                }
            }
        }

        return best;
    }

    private static double FloorGapWidth(float[] freeDepth, int rows, int cols, double dy, double occThreshold)
    {
        double best = 0, run = 0;
        for (var c = 0; c < cols; c++)
        {
            var free = true;
            for (var r = 0; r < Math.Max(1, rows / 2); r++)
            {
                free &= freeDepth[(r * cols) + c] >= occThreshold;
            }

            run = free ? run + dy : 0;
            best = Math.Max(best, run);
        }

        return best;
    }

    /// <summary>Builds a pod estimate from per-bin maps (same grid for all bins).</summary>
    public static PodSpaceEstimate AnalyzePod(PodId pod, PodType type, IReadOnlyList<float[]> maps, int rows, int cols, double captureTime, IReadOnlyList<double> confidences)
    {
        var list = new BinSpaceEstimate[type.Bins.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = Analyze(type.Bins[i], maps[i], rows, cols, captureTime, confidences[i]);
        }

        return new PodSpaceEstimate(pod, captureTime, list);
    }
}
