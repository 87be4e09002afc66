namespace Stow.Sim.World;

using Stow.Core.Pods;
using Stow.Core.Space;

/// <summary>
/// Ground truth of the space in a bin, computed exactly from the simulated geometry and returned in the shape
/// perception produces (<see cref="BinSpaceEstimate"/>, confidence 1). Stateless and thread-safe as long as the bin
/// is not changed meanwhile. Not for the hot path: each estimate copies the bin a few times.
/// </summary>
public static class BinGroundTruth
{
    private enum Floor
    {
        Any,
        FloorOnly,
        OnTop,
    }

    /// <summary>
    /// The estimate for one bin: free volume, the largest box insertable from the front, the free-depth map on a
    /// <paramref name="gridRows"/> × <paramref name="gridCols"/> grid (<see cref="FreeDepth"/>) and one
    /// <see cref="PrimitiveSpace"/> per <see cref="Primitive"/> in enum order (<see cref="SpaceFor"/>).
    /// </summary>
    /// <param name="bin">The bin.</param>
    /// <param name="captureTime">Time [s] stamped on the estimate (the simulator's clock).</param>
    /// <param name="gridRows">Grid rows along z (≥ 1).</param>
    /// <param name="gridCols">Grid columns along y (≥ 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A grid size is below 1.</exception>
    public static BinSpaceEstimate Estimate(SimBin bin, double captureTime, int gridRows, int gridCols)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gridRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(gridCols, 1);
        var depth = new float[gridRows * gridCols];
        FreeDepth(bin, gridRows, gridCols, depth);
        var spaces = new PrimitiveSpace[6];
        var scratch = new SimBin(bin.Spec);
        for (var p = 0; p < spaces.Length; p++)
        {
            spaces[p] = SpaceWith(bin, (Primitive)p, scratch);
        }

        return new BinSpaceEstimate(bin.Spec.Id, captureTime, bin.FreeVolume, spaces[0], 1.0, spaces, depth, gridRows, gridCols);
    }

    /// <summary>Estimates for every bin of a pod, in bin order, stamped with <paramref name="captureTime"/> [s].</summary>
    /// <exception cref="ArgumentOutOfRangeException">A grid size is below 1.</exception>
    public static PodSpaceEstimate Estimate(SimPod pod, double captureTime, int gridRows, int gridCols)
    {
        var bins = new BinSpaceEstimate[pod.Bins.Count];
        for (var i = 0; i < bins.Length; i++)
        {
            bins[i] = Estimate(pod.Bins[i], captureTime, gridRows, gridCols);
        }

        return new PodSpaceEstimate(pod.PodId, captureTime, bins);
    }

    /// <summary>
    /// Free-depth map, row-major, row 0 at the floor, column 0 at y = 0: for each cell, the distance [m] along x from
    /// the opening plane to the first item hit by the ray through the cell centre, capped at the bin depth. Cell
    /// (r, c) covers y ∈ [c, c+1)·W/cols and z ∈ [r, r+1)·H/rows; an item is hit when its y and z ranges, half-open
    /// [min, max), contain the centre. Allocation-free.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than rows × cols.</exception>
    public static void FreeDepth(SimBin bin, int gridRows, int gridCols, Span<float> destination)
    {
        if (destination.Length < gridRows * gridCols)
        {
            throw new ArgumentException($"need {gridRows * gridCols} cells, got {destination.Length}", nameof(destination));
        }

        var spec = bin.Spec;
        var items = bin.Items;
        for (var r = 0; r < gridRows; r++)
        {
            var zc = (r + 0.5) * spec.OpeningHeight / gridRows;
            for (var c = 0; c < gridCols; c++)
            {
                var yc = (c + 0.5) * spec.OpeningWidth / gridCols;
                var d = spec.Depth;
                foreach (ref readonly var p in items)
                {
                    var b = p.Box;
                    if (b.Min.Y <= yc && yc < b.Max.Y && b.Min.Z <= zc && zc < b.Max.Z && b.Min.X < d)
                    {
                        d = b.Min.X;
                    }
                }

                destination[(r * gridCols) + c] = (float)d;
            }
        }
    }

    /// <summary>
    /// The contiguous free box a primitive could make, as the largest box [0, depth] × [y₀, y₁] × [z₀, z₁] insertable from
    /// the front after it ran: None, the bin now; SweepLeft/SweepRight, after the sweep; Flip, after the flip (all zero
    /// when nothing can flip); Stack, a box resting on top of an item (zero in an empty bin); Slot, a floor-level gap
    /// with an item on at least one side (zero in an empty bin).
    /// </summary>
    public static PrimitiveSpace SpaceFor(SimBin bin, Primitive primitive) => SpaceWith(bin, primitive, new SimBin(bin.Spec));

    /// <summary>The largest box insertable from the front now (<see cref="Primitive.None"/>).</summary>
    public static PrimitiveSpace LargestBox(SimBin bin) => Search(bin.Items, bin.Spec, Primitive.None, Floor.FloorOnly, false);

    private static PrimitiveSpace SpaceWith(SimBin bin, Primitive primitive, SimBin scratch)
    {
        switch (primitive)
        {
            case Primitive.None:
                return LargestBox(bin);
            case Primitive.SweepLeft:
            case Primitive.SweepRight:
                scratch.CopyFrom(bin);
                scratch.Sweep(primitive);
                return Search(scratch.Items, bin.Spec, primitive, Floor.FloorOnly, false);
            case Primitive.Flip:
                scratch.CopyFrom(bin);
                return scratch.Flip() > 0 ? Search(scratch.Items, bin.Spec, primitive, Floor.FloorOnly, false) : new PrimitiveSpace(primitive, 0, 0, 0);
            case Primitive.Stack:
                return Search(bin.Items, bin.Spec, primitive, Floor.OnTop, false);
            case Primitive.Slot:
                return Search(bin.Items, bin.Spec, primitive, Floor.FloorOnly, true);
            default:
                throw new ArgumentOutOfRangeException(nameof(primitive), primitive, "unknown primitive");
        }
    }

    /// <summary>Exhaustive search over box faces at walls and item faces; ties keep the first found (deterministic).</summary>
    private static PrimitiveSpace Search(ReadOnlySpan<PlacedItem> items, BinSpec spec, Primitive label, Floor floor, bool needNeighbour)
    {
        const double eps = 1e-9;
        var n = items.Length;
        var lane = n <= 128 ? stackalloc int[n] : new int[n];
        double bestVolume = 0, bw = 0, bh = 0, bd = 0;
        for (var a = 0; a <= n; a++)
        {
            var y0 = a == 0 ? 0 : items[a - 1].Box.Max.Y;
            for (var b = 0; b <= n; b++)
            {
                var y1 = b == 0 ? spec.OpeningWidth : items[b - 1].Box.Min.Y;
                if (y1 - y0 <= eps || (needNeighbour && a == 0 && b == 0) || (y1 - y0) * spec.OpeningHeight * spec.Depth <= bestVolume)
                {
                    continue;
                }

                var m = 0;
                for (var i = 0; i < n; i++)
                {
                    if (items[i].Box.Min.Y < y1 - eps && y0 < items[i].Box.Max.Y - eps)
                    {
                        lane[m++] = i;
                    }
                }

                for (var c = floor == Floor.OnTop ? 1 : 0; c <= (floor == Floor.FloorOnly ? 0 : n); c++)
                {
                    var z0 = c == 0 ? 0 : items[c - 1].Box.Max.Z;
                    if (floor == Floor.OnTop && !(items[c - 1].Box.Min.Y < y1 - eps && y0 < items[c - 1].Box.Max.Y - eps))
                    {
                        continue;
                    }

                    for (var d = 0; d <= n; d++)
                    {
                        var z1 = d == 0 ? spec.OpeningHeight : items[d - 1].Box.Min.Z;
                        if (z1 - z0 <= eps || (y1 - y0) * (z1 - z0) * spec.Depth <= bestVolume)
                        {
                            continue;
                        }

                        var depth = spec.Depth;
                        for (var k = 0; k < m; k++)
                        {
                            var box = items[lane[k]].Box;
                            if (box.Min.Z < z1 - eps && z0 < box.Max.Z - eps && box.Min.X < depth)
                            {
                                depth = box.Min.X;
                            }
                        }

                        var v = (y1 - y0) * (z1 - z0) * depth;
                        if (v > bestVolume)
                        {
                            bestVolume = v;
                            bw = y1 - y0;
                            bh = z1 - z0;
                            bd = depth;
                        }
                    }
                }
            }
        }

        return new PrimitiveSpace(label, bw, bh, bd);
    }
}
