using Stow.Core.Geometry;
using Stow.Sim.World;

namespace Stow.Sim.Devices.Contact;

/// <summary>
/// Contact geometry read from the simulated world's <see cref="SimPod"/>: bin walls, floors, ceilings and backs
/// (immovable, <see cref="SimPod.Wall"/>) and item boxes in the pod face frame. Items are movable: when the tool's
/// contact force beats an item's sliding friction μ·m·g (<see cref="ToolContactModel"/>), <see cref="Push"/> slides it
/// along x (deeper into the bin, or back towards the bands) or y (sideways), chain-pushing the items in front of it and
/// stopping at the bin's walls and at the band line (x = 0); a jammed row pushes back with the wall's stiffness, so a
/// sweep into a full row stops on the contact force limit. Items never give way vertically (the floor carries them;
/// lifting an item is not sliding it).
/// </summary>
/// <remarks>
/// The displacements are an overlay on the world's contents for the stow in progress: the world's pod is never
/// changed here. <see cref="Reset"/> (called when a stow starts) clears them; the world's own geometric model of the
/// completed chain (<see cref="SimBin.Sweep"/>, <see cref="SimBin.Flip"/>, insertion) then decides where the items end.
/// Solid ids: -1 for walls, <c>bin index × <see cref="MaxItemsPerBin"/> + item index</c> for items.
/// Threading: control-loop thread only; no allocation per query or push (offsets preallocated per bin and item).
/// </remarks>
public sealed class SimPodContactGeometry : IContactGeometry
{
    /// <summary>Items per bin addressed by a solid id; items beyond it are solid but immovable.</summary>
    public const int MaxItemsPerBin = 256;

    private const int MaxChain = 16;
    private readonly SimPod _pod;
    private readonly Vec3[] _offset;
    private readonly int[] _touched;
    private int _touchedCount;

    /// <summary>Wraps a world pod.</summary>
    /// <param name="pod">The simulated pod at the station.</param>
    /// <param name="stiffness">Contact stiffness of every solid [N/m] (default: fabric wall, <see cref="StaticContactGeometry.DefaultWallStiffness"/>).</param>
    /// <param name="movableItems">True (default): items slide when pushed past their friction; false: every solid is immovable.</param>
    public SimPodContactGeometry(SimPod pod, double stiffness = StaticContactGeometry.DefaultWallStiffness, bool movableItems = true)
    {
        ArgumentNullException.ThrowIfNull(pod);
        _pod = pod;
        Stiffness = stiffness;
        MovableItems = movableItems;
        _offset = new Vec3[pod.Bins.Count * MaxItemsPerBin];
        _touched = new int[_offset.Length];
    }

    /// <summary>Contact stiffness of every solid [N/m].</summary>
    public double Stiffness { get; }

    /// <summary>True when items slide under the tool (see the class remarks).</summary>
    public bool MovableItems { get; }

    /// <summary>Number of items displaced since the last <see cref="Reset"/>.</summary>
    public int DisplacedItems => _touchedCount;

    /// <summary>Displacement [m] of an item since the last <see cref="Reset"/> (pod face axes; zero when untouched).</summary>
    /// <param name="binIndex">Index of the bin in <see cref="SimPod.Bins"/>.</param>
    /// <param name="itemIndex">Index of the item in its bin.</param>
    public Vec3 Displacement(int binIndex, int itemIndex) =>
        itemIndex < MaxItemsPerBin ? _offset[(binIndex * MaxItemsPerBin) + itemIndex] : default;

    /// <summary>Forgets every displacement: the items stand where the world has them.</summary>
    public void Reset()
    {
        for (var i = 0; i < _touchedCount; i++)
        {
            _offset[_touched[i]] = default;
        }

        _touchedCount = 0;
    }

    /// <inheritdoc/>
    public int Query(in Box3 region, Span<ContactSolid> destination)
    {
        var n = 0;
        var bins = _pod.Bins;
        for (var b = 0; b < bins.Count && n < destination.Length; b++)
        {
            var bin = bins[b];
            var spec = bin.Spec;
            var t = SimPod.WallThickness;
            var outer = SimPod.ToPodFace(spec, new Box3(new Vec3(-0.5, -t, -t), new Vec3(spec.Depth + t, spec.OpeningWidth + t, spec.OpeningHeight + t)));
            if (!BoxAxes.Touches(outer, region))
            {
                continue;
            }

            for (var w = 0; w < 5 && n < destination.Length; w++)
            {
                var box = SimPod.ToPodFace(spec, SimPod.Wall(spec, w));
                if (BoxAxes.Touches(box, region))
                {
                    destination[n++] = new ContactSolid { Id = -1, Box = box, Movable = false, Mass = 0, Stiffness = Stiffness };
                }
            }

            for (var i = 0; i < bin.Count && n < destination.Length; i++)
            {
                var placed = bin[i];
                var id = i < MaxItemsPerBin ? (b * MaxItemsPerBin) + i : -1;
                var box = SimPod.ToPodFace(spec, placed.Box);
                if (id >= 0)
                {
                    box = box.Translate(_offset[id]);
                }

                if (BoxAxes.Touches(box, region))
                {
                    destination[n++] = new ContactSolid
                    {
                        Id = id,
                        Box = box,
                        Movable = MovableItems && id >= 0,
                        Mass = placed.Item.Mass,
                        Stiffness = Stiffness,
                    };
                }
            }
        }

        return n;
    }

    /// <inheritdoc/>
    public double Push(int id, int axis, double amount)
    {
        if (!MovableItems || id < 0 || id >= _offset.Length || axis is < 0 or > 1 || amount == 0 || !double.IsFinite(amount))
        {
            return 0;
        }

        var b = id / MaxItemsPerBin;
        var i = id % MaxItemsPerBin;
        return i < _pod.Bins[b].Count ? PushChain(_pod.Bins[b], b, i, axis, amount, 0) : 0;
    }

    /// <summary>Moves item <paramref name="i"/> of bin <paramref name="b"/> by up to <paramref name="amount"/> along
    /// <paramref name="axis"/> (bin frame = pod face axes), pushing the items in front first; returns the move achieved.</summary>
    private double PushChain(SimBin bin, int b, int i, int axis, double amount, int depth)
    {
        if (depth > MaxChain)
        {
            return 0;
        }

        var me = Current(bin, b, i);
        var s = Math.Sign(amount);
        var spec = bin.Spec;

        // The bin's walls (and the band line at x = 0) bound the item; an item already past a bound does not go further.
        var room = axis == 0
            ? (s > 0 ? spec.Depth - me.Max.X : me.Min.X)
            : (s > 0 ? spec.OpeningWidth - me.Max.Y : me.Min.Y);
        var allowed = Math.Min(Math.Abs(amount), Math.Max(0, room));
        for (var j = 0; j < bin.Count && allowed > 0; j++)
        {
            if (j == i)
            {
                continue;
            }

            var other = Current(bin, b, j);
            if (!BoxAxes.OverlapsAcross(me, other, axis))
            {
                continue;
            }

            var gap = s > 0 ? BoxAxes.Get(other.Min, axis) - BoxAxes.Get(me.Max, axis) : BoxAxes.Get(me.Min, axis) - BoxAxes.Get(other.Max, axis);
            if (gap < -1e-6 || gap >= allowed)
            {
                continue;
            }

            gap = Math.Max(gap, 0);
            var moved = j < MaxItemsPerBin ? Math.Abs(PushChain(bin, b, j, axis, s * (allowed - gap), depth + 1)) : 0;
            allowed = Math.Min(allowed, gap + moved);
        }

        if (allowed <= 0 || i >= MaxItemsPerBin)
        {
            return 0;
        }

        var id = (b * MaxItemsPerBin) + i;
        if (_offset[id] == default)
        {
            _touched[_touchedCount++] = id;
        }

        var d = s * allowed;
        _offset[id] += axis == 0 ? new Vec3(d, 0, 0) : new Vec3(0, d, 0);
        return d;
    }

    /// <summary>Item box in the bin frame with its displacement.</summary>
    private Box3 Current(SimBin bin, int b, int i) =>
        i < MaxItemsPerBin ? bin[i].Box.Translate(_offset[(b * MaxItemsPerBin) + i]) : bin[i].Box;
}
