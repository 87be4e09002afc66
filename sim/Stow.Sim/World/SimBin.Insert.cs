namespace Stow.Sim.World;

using Stow.Core.Geometry;
using Stow.Core.Items;
using Stow.Core.Space;

/// <summary>Insertion from the front: slide in along +x, stop at the back wall or an item, settle.</summary>
public sealed partial class SimBin
{
    /// <summary>
    /// Computes where an item fed from the front would come to rest, without changing the bin. The item enters
    /// at lateral position <paramref name="y"/> (its right side, clamped to the opening) and height z₀, slides
    /// along +x until its back face meets the back wall or the first item on its swept path, then drops to the
    /// highest support under its footprint. z₀ is the floor for <see cref="Primitive.None"/>, the top of the
    /// contents in its lane for <see cref="Primitive.Stack"/>; <see cref="Primitive.Slot"/> turns the item on edge
    /// (thinnest edge across) and looks for the gap at least that thick, nearest to <paramref name="y"/>, that lets
    /// it go in deepest. Allocation-free.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="orientation">Orientation in the paddles (slot may override it).</param>
    /// <param name="y">Requested right side of the item [m] in the bin frame.</param>
    /// <param name="mode">None, Stack or Slot.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is a sweep or flip.</exception>
    public InsertionPlan PlanInsert(Item item, ItemOrientation orientation, double y, Primitive mode)
    {
        switch (mode)
        {
            case Primitive.None:
            case Primitive.Stack:
                return PlanAt(item, orientation, ItemOrientations.Size(item.Dimensions, orientation), y, mode);
            case Primitive.Slot:
                return PlanSlot(item, orientation, y);
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "insertion mode must be None, Stack or Slot");
        }
    }

    /// <summary>
    /// Inserts an item when <see cref="PlanInsert"/> says it fits fully inside; returns whether it was added.
    /// Purely geometric: no outcome sampling (see <see cref="SimPod.Stow"/> for that).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is a sweep or flip.</exception>
    public bool Insert(Item item, ItemOrientation orientation, double y, Primitive mode)
    {
        var plan = PlanInsert(item, orientation, y, mode);
        if (!plan.Fits)
        {
            return false;
        }

        Commit(item, plan);
        return true;
    }

    /// <summary>Adds an item at a plan computed on this bin's current contents. Allocation-free once grown.</summary>
    /// <exception cref="ArgumentException">The plan does not fit.</exception>
    public PlacedItem Commit(Item item, in InsertionPlan plan)
    {
        if (!plan.Fits)
        {
            throw new ArgumentException($"plan for item {item.Id} does not fit bin {Spec.Id}", nameof(plan));
        }

        return Add(item, plan.Box);
    }

    private InsertionPlan PlanAt(Item item, ItemOrientation orientation, Vec3 size, double y, Primitive mode)
    {
        var width = Spec.OpeningWidth;
        var height = Spec.OpeningHeight;
        if (size.Y > width + Epsilon || size.Z > height + Epsilon)
        {
            return new InsertionPlan(false, mode, orientation, default, ItemPose.Lying, 0, 0);
        }

        var y0 = Math.Clamp(y, 0, Math.Max(0, width - size.Y));
        var y1 = y0 + size.Y;
        var z0 = 0.0;
        if (mode == Primitive.Stack)
        {
            z0 = StackHeight(y0, y1, size);
            if (double.IsNaN(z0))
            {
                return new InsertionPlan(false, mode, orientation, default, ItemPose.Lying, 0, 0);
            }
        }

        var lane = new Box3(new Vec3(double.NegativeInfinity, y0, z0), new Vec3(double.PositiveInfinity, y1, z0 + size.Z));
        var stop = Spec.Depth;
        for (var i = 0; i < _count; i++)
        {
            var b = _items[i].Box;
            if (OverlapsYz(b, lane))
            {
                stop = Math.Min(stop, b.Min.X);
            }
        }

        var x0 = stop - size.X;
        var box = new Box3(new Vec3(x0, y0, z0), new Vec3(stop, y1, z0 + size.Z));
        var floor = SupportHeight(box, -1);
        box = box.Translate(new Vec3(0, 0, floor - z0));
        LateralGaps(box, -1, out var right, out var left);
        var above = CeilingGap(box, -1);
        var pose = ItemOrientations.PoseOf(item.Dimensions, size);
        if (pose != ItemPose.Lying && size.Z > LeanAspect * size.Y && right > LeanGap && left > LeanGap)
        {
            pose = ItemPose.Leaning;
        }

        return new InsertionPlan(true, mode, orientation, box, pose, right + left, above);
    }

    /// <summary>
    /// The height a stacked item slides in at across [y0, y1]: the lowest top of an item in that lane such that the item,
    /// sliding in at that height, passes over every item in front of where it stops (all of them no taller) and has room
    /// for its depth in front of the first taller item; 0 when the lane is empty; NaN when no height lets it in. This is
    /// the box <see cref="BinGroundTruth"/> reports for <see cref="Primitive.Stack"/>: on top of an item, as deep as
    /// the first taller item in the lane allows. Allocation-free.
    /// </summary>
    private double StackHeight(double y0, double y1, Vec3 size)
    {
        var best = double.NaN;
        var laneEmpty = true;
        for (var c = 0; c < _count; c++)
        {
            var h = _items[c].Box.Max.Z;
            laneEmpty &= !InLane(_items[c].Box, y0, y1);
            if (!InLane(_items[c].Box, y0, y1) || h + size.Z > Spec.OpeningHeight + Epsilon || h >= best)
            {
                continue;
            }

            // The first item in the lane that reaches above h stops the slide.
            var stop = Spec.Depth;
            for (var i = 0; i < _count; i++)
            {
                var b = _items[i].Box;
                if (InLane(b, y0, y1) && b.Max.Z > h + Epsilon && b.Min.Z < h + size.Z - Epsilon)
                {
                    stop = Math.Min(stop, b.Min.X);
                }
            }

            // It must end over the item it is stacked on, with room for its depth.
            if (stop - size.X >= -Epsilon && _items[c].Box.Min.X < stop - Epsilon)
            {
                best = h;
            }
        }

        // Nothing in the lane: the item goes onto the floor, as a plain insertion would.
        return laneEmpty ? 0 : best;
    }

    private static bool InLane(in Box3 b, double y0, double y1) => b.Min.Y < y1 - Epsilon && y0 < b.Max.Y - Epsilon;

    private InsertionPlan PlanSlot(Item item, ItemOrientation orientation, double y)
    {
        var d = item.Dimensions;
        var o = orientation;
        if (Math.Abs(ItemOrientations.Size(d, o).Y - d.Height) > 1e-12)
        {
            o = d.Length > Spec.Depth && d.Length <= Spec.OpeningHeight
                ? ItemOrientation.WHL
                : ItemOrientation.LHW;
        }

        var size = ItemOrientations.Size(d, o);
        var best = PlanAt(item, o, size, y, Primitive.Slot);
        if (!best.Enters || best.Fits)
        {
            return best;
        }

        // Candidate gap positions: against either wall, or against either side of an item.
        var bestDistance = double.PositiveInfinity;
        for (var k = -2; k < 2 * _count; k++)
        {
            var cy = k switch
            {
                -2 => 0,
                -1 => Spec.OpeningWidth - size.Y,
                _ => (k & 1) == 0 ? _items[k >> 1].Box.Max.Y : _items[k >> 1].Box.Min.Y - size.Y,
            };
            if (cy < -Epsilon || cy + size.Y > Spec.OpeningWidth + Epsilon)
            {
                continue;
            }

            var p = PlanAt(item, o, size, cy, Primitive.Slot);
            var distance = Math.Abs(cy - y);
            var better = (p.Fits && !best.Fits) ||
                (p.Fits == best.Fits && (p.Fits ? distance < bestDistance - Epsilon : p.Box.Min.X > best.Box.Min.X + Epsilon));
            if (better)
            {
                best = p;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Highest top [m] of items under the box's footprint that lie at or below its bottom; 0 for the floor.</summary>
    private double SupportHeight(Box3 box, int skip)
    {
        var z = 0.0;
        for (var i = 0; i < _count; i++)
        {
            if (i == skip)
            {
                continue;
            }

            var b = _items[i].Box;
            if (b.Max.Z <= box.Min.Z + Epsilon && b.Max.Z > z && OverlapsXy(b, box))
            {
                z = b.Max.Z;
            }
        }

        return z;
    }

    /// <summary>Free height [m] above a box, to the lowest item over its footprint or the bin ceiling.</summary>
    private double CeilingGap(Box3 box, int skip)
    {
        var top = Spec.OpeningHeight;
        for (var i = 0; i < _count; i++)
        {
            var b = _items[i].Box;
            if (i != skip && b.Min.Z >= box.Max.Z - Epsilon && b.Min.Z < top && OverlapsXy(b, box))
            {
                top = b.Min.Z;
            }
        }

        return Math.Max(0, top - box.Max.Z);
    }
}
