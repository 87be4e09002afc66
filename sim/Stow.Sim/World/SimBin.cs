namespace Stow.Sim.World;

using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;

/// <summary>
/// The contents of one simulated fabric bin: items as axis-aligned boxes in the bin frame
/// (<see cref="BinSpec"/>), each resting on the floor, on other items, or leaning. Invariants kept by every
/// operation: no two boxes overlap, every box lies inside <see cref="BinSpec.Interior"/>.
/// </summary>
/// <remarks>
/// Not thread-safe: one thread owns a bin. Items are kept in a small array in insertion order, and the hot
/// operations (<see cref="PlanInsert"/>, <see cref="Insert"/>, <see cref="Sweep"/>, <see cref="Flip"/>) allocate
/// nothing once the array has grown to the bin's largest item count.
/// </remarks>
public sealed partial class SimBin
{
    /// <summary>Geometric tolerance [m] for contact and containment tests.</summary>
    public const double Epsilon = 1e-9;

    /// <summary>
    /// A standing or on-edge item leans when its height exceeds this multiple of its thickness along y
    /// (assumption: a box stands freely when its base is at least half its height).
    /// </summary>
    public const double LeanAspect = 2.0;

    /// <summary>A tall, thin item leans when the gap on both of its sides exceeds this [m] (assumption: 5 mm).</summary>
    public const double LeanGap = 0.005;

    /// <summary>Thickness [m] of an elastic band along x, in front of the opening plane (assumption: 2 mm).</summary>
    public const double BandThickness = 0.002;

    private PlacedItem[] _items = new PlacedItem[8];
    private int[] _order = new int[8];
    private int _count;

    /// <summary>Creates an empty bin.</summary>
    /// <param name="spec">The bin's fixed geometry.</param>
    public SimBin(BinSpec spec)
    {
        Spec = spec;
    }

    /// <summary>The bin's fixed geometry.</summary>
    public BinSpec Spec { get; }

    /// <summary>Number of items in the bin.</summary>
    public int Count => _count;

    /// <summary>The items, in placement order. The span is invalidated by the next change of the bin.</summary>
    public ReadOnlySpan<PlacedItem> Items => new(_items, 0, _count);

    /// <summary>Sum of the item box volumes [m³].</summary>
    public double OccupiedVolume
    {
        get
        {
            var v = 0.0;
            for (var i = 0; i < _count; i++)
            {
                v += _items[i].Box.Volume;
            }

            return v;
        }
    }

    /// <summary>Interior volume minus item volumes [m³].</summary>
    public double FreeVolume => Spec.Volume - OccupiedVolume;

    /// <summary>Volumetric fill: item volume over interior volume, in [0, 1].</summary>
    public double Fill => OccupiedVolume / Spec.Volume;

    /// <summary>Free width [m] between the right wall (y = 0) and the nearest item.</summary>
    public double FreeWidthRight
    {
        get
        {
            var w = Spec.OpeningWidth;
            for (var i = 0; i < _count; i++)
            {
                w = Math.Min(w, _items[i].Box.Min.Y);
            }

            return w;
        }
    }

    /// <summary>Free width [m] between the nearest item and the left wall (y = opening width).</summary>
    public double FreeWidthLeft
    {
        get
        {
            var w = Spec.OpeningWidth;
            for (var i = 0; i < _count; i++)
            {
                w = Math.Min(w, Spec.OpeningWidth - _items[i].Box.Max.Y);
            }

            return w;
        }
    }

    /// <summary>Number of elastic bands across the opening (<see cref="BinSpec.BandHeights"/>).</summary>
    public int BandCount => Spec.BandHeights.Count;

    /// <summary>
    /// Band <paramref name="index"/> (from the floor up) as a box in the bin frame [m]: across the whole opening width,
    /// <see cref="BinSpec.BandWidth"/> high around its centre line, <see cref="BandThickness"/> deep just outside the opening
    /// plane (x ∈ [−thickness, 0]). The band line is the opening plane: an item with x &lt; 0 protrudes past it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No such band.</exception>
    public Box3 Band(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Spec.BandHeights.Count);
        var h = Spec.BandHeights[index];
        return new Box3(new Vec3(-BandThickness, 0, h - (Spec.BandWidth / 2)), new Vec3(0, Spec.OpeningWidth, h + (Spec.BandWidth / 2)));
    }

    /// <summary>True when a placed item's front face is past the band line (x &lt; 0 beyond <see cref="Epsilon"/>).</summary>
    public static bool IsProtruding(in PlacedItem item) => item.Box.Min.X < -Epsilon;

    /// <summary>One item by index (0 ≤ index &lt; <see cref="Count"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Index out of range.</exception>
    public PlacedItem this[int index] =>
        (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Removes every item.</summary>
    public void Clear()
    {
        Array.Clear(_items, 0, _count);
        _count = 0;
    }

    /// <summary>Makes this bin's contents a copy of another bin's (same interior size). Allocates only to grow.</summary>
    /// <exception cref="ArgumentException">The bins differ in interior size.</exception>
    public void CopyFrom(SimBin source)
    {
        if (source.Spec.Interior != Spec.Interior)
        {
            throw new ArgumentException($"bin {source.Spec.Id} has another interior than {Spec.Id}", nameof(source));
        }

        EnsureCapacity(source._count);
        Array.Copy(source._items, _items, source._count);
        if (source._count < _count)
        {
            Array.Clear(_items, source._count, _count - source._count);
        }

        _count = source._count;
    }

    /// <summary>
    /// Puts an item at an exact box (tests, scenario set-up). The box is used as given: no sliding or settling;
    /// the pose is derived from the box and the neighbours.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The box is not a permutation of the item's edges, leaves the interior, or overlaps an item.
    /// </exception>
    public PlacedItem Place(Item item, Box3 box)
    {
        if (!ItemOrientations.Matches(item.Dimensions, box.Size))
        {
            throw new ArgumentException($"box {box.Size} does not match the edges of item {item.Id}", nameof(box));
        }

        if (!box.IsInside(Spec.Interior, Epsilon))
        {
            throw new ArgumentException($"box of item {item.Id} leaves bin {Spec.Id}", nameof(box));
        }

        if (FirstOverlap(box, -1) >= 0)
        {
            throw new ArgumentException($"box of item {item.Id} overlaps another item in bin {Spec.Id}", nameof(box));
        }

        return Add(item, box);
    }

    /// <summary>Removes an item by id; returns false when it is not in the bin. Later items keep their order.</summary>
    public bool Remove(ItemId id)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_items[i].Item.Id == id)
            {
                Array.Copy(_items, i + 1, _items, i, _count - i - 1);
                _items[--_count] = default;
                Settle();
                return true;
            }
        }

        return false;
    }

    /// <summary>Index of the first item whose box overlaps <paramref name="box"/>, skipping index <paramref name="skip"/>; −1 if none.</summary>
    internal int FirstOverlap(Box3 box, int skip)
    {
        for (var i = 0; i < _count; i++)
        {
            if (i != skip && _items[i].Box.Overlaps(box, Epsilon))
            {
                return i;
            }
        }

        return -1;
    }

    private PlacedItem Add(Item item, Box3 box)
    {
        EnsureCapacity(_count + 1);
        var placed = new PlacedItem(item, box, ItemOrientations.PoseOf(item.Dimensions, box.Size));
        _items[_count++] = placed;
        RefreshPoses();
        return _items[_count - 1];
    }

    private void EnsureCapacity(int n)
    {
        if (_items.Length < n)
        {
            var size = Math.Max(n, _items.Length * 2);
            Array.Resize(ref _items, size);
            _order = new int[size];
        }
    }

    /// <summary>Recomputes the lean flag of tall, thin items from their lateral gaps.</summary>
    private void RefreshPoses()
    {
        for (var i = 0; i < _count; i++)
        {
            var p = _items[i];
            var size = p.Box.Size;
            var basePose = ItemOrientations.PoseOf(p.Item.Dimensions, size);
            var pose = basePose;
            if (basePose != ItemPose.Lying && size.Z > LeanAspect * size.Y)
            {
                LateralGaps(p.Box, i, out var right, out var left);
                if (right > LeanGap && left > LeanGap)
                {
                    pose = ItemPose.Leaning;
                }
            }

            if (pose != p.Pose)
            {
                _items[i] = p with { Pose = pose };
            }
        }
    }

    /// <summary>Free gaps [m] to the right (−y) and left (+y) of a box, to items overlapping it in x and z or the walls.</summary>
    private void LateralGaps(Box3 box, int skip, out double right, out double left)
    {
        var lo = 0.0;
        var hi = Spec.OpeningWidth;
        for (var j = 0; j < _count; j++)
        {
            if (j == skip)
            {
                continue;
            }

            var o = _items[j].Box;
            if (!OverlapsXz(o, box))
            {
                continue;
            }

            if (o.Max.Y <= box.Min.Y + Epsilon)
            {
                lo = Math.Max(lo, o.Max.Y);
            }
            else if (o.Min.Y >= box.Max.Y - Epsilon)
            {
                hi = Math.Min(hi, o.Min.Y);
            }
        }

        right = Math.Max(0, box.Min.Y - lo);
        left = Math.Max(0, hi - box.Max.Y);
    }

    private static bool OverlapsXz(Box3 a, Box3 b) =>
        a.Min.X < b.Max.X - Epsilon && b.Min.X < a.Max.X - Epsilon && a.Min.Z < b.Max.Z - Epsilon && b.Min.Z < a.Max.Z - Epsilon;

    private static bool OverlapsXy(Box3 a, Box3 b) =>
        a.Min.X < b.Max.X - Epsilon && b.Min.X < a.Max.X - Epsilon && a.Min.Y < b.Max.Y - Epsilon && b.Min.Y < a.Max.Y - Epsilon;

    private static bool OverlapsYz(Box3 a, Box3 b) =>
        a.Min.Y < b.Max.Y - Epsilon && b.Min.Y < a.Max.Y - Epsilon && a.Min.Z < b.Max.Z - Epsilon && b.Min.Z < a.Max.Z - Epsilon;
}
