using Stow.Core.Geometry;
using Stow.Core.Pods;

namespace Stow.Sim.Devices.Contact;

/// <summary>
/// A list of solid boxes: bin walls (immovable) and items (pushed along an axis by <see cref="Push"/>,
/// chain-pushing items in front and stopping at walls). Standalone contact world for tests and for
/// running the devices without the full simulated world.
/// Threading: not thread-safe; build it, then use it from the control-loop thread.
/// </summary>
public sealed class StaticContactGeometry : IContactGeometry
{
    /// <summary>Default stiffness of fabric bin walls [N/m]: an assumed value for a stretched fabric panel
    /// in series with the arm's structural compliance (order of magnitude 10³–10⁴ N/m).</summary>
    public const double DefaultWallStiffness = 5000;

    /// <summary>Default stiffness of a boxed item against the spatula [N/m] (assumed, cardboard order of magnitude).</summary>
    public const double DefaultItemStiffness = 3000;

    private const int MaxChain = 16;
    private readonly List<ContactSolid> _solids = [];

    /// <summary>All solids, in insertion order (ids are indices).</summary>
    public IReadOnlyList<ContactSolid> Solids => _solids;

    /// <summary>Builds the five walls (floor, ceiling, back, left, right) around a bin's interior.</summary>
    /// <param name="bin">The bin; its interior is placed at <see cref="BinSpec.Origin"/> in the pod face frame.</param>
    /// <param name="wallThickness">Wall thickness [m], &gt; 0.</param>
    /// <returns>A geometry with the walls only.</returns>
    public static StaticContactGeometry ForBin(BinSpec bin, double wallThickness = 0.02)
    {
        var g = new StaticContactGeometry();
        var o = bin.Origin;
        var t = wallThickness;
        double d = bin.Depth, w = bin.OpeningWidth, h = bin.OpeningHeight;
        g.AddWall(new Box3(o + new Vec3(0, -t, -t), o + new Vec3(d + t, w + t, 0)));
        g.AddWall(new Box3(o + new Vec3(0, -t, h), o + new Vec3(d + t, w + t, h + t)));
        g.AddWall(new Box3(o + new Vec3(d, -t, 0), o + new Vec3(d + t, w + t, h)));
        g.AddWall(new Box3(o + new Vec3(0, -t, 0), o + new Vec3(d, 0, h)));
        g.AddWall(new Box3(o + new Vec3(0, w, 0), o + new Vec3(d, w + t, h)));
        return g;
    }

    /// <summary>Adds an immovable solid.</summary>
    /// <param name="box">Extent [m].</param>
    /// <param name="stiffness">Contact stiffness [N/m].</param>
    /// <returns>Its id.</returns>
    public int AddWall(Box3 box, double stiffness = DefaultWallStiffness) => Add(box, false, 0, stiffness);

    /// <summary>Adds a movable item.</summary>
    /// <param name="box">Extent [m].</param>
    /// <param name="mass">Mass [kg], &gt; 0.</param>
    /// <param name="stiffness">Contact stiffness [N/m].</param>
    /// <returns>Its id.</returns>
    public int AddItem(Box3 box, double mass, double stiffness = DefaultItemStiffness) => Add(box, true, mass, stiffness);

    /// <inheritdoc/>
    public int Query(in Box3 region, Span<ContactSolid> destination)
    {
        var n = 0;
        for (var i = 0; i < _solids.Count && n < destination.Length; i++)
        {
            if (_solids[i].Box.Overlaps(region))
            {
                destination[n++] = _solids[i];
            }
        }

        return n;
    }

    /// <inheritdoc/>
    public double Push(int id, int axis, double amount) => PushChain(id, axis, amount, 0);

    private int Add(Box3 box, bool movable, double mass, double stiffness)
    {
        var id = _solids.Count;
        _solids.Add(new ContactSolid { Id = id, Box = box, Movable = movable, Mass = mass, Stiffness = stiffness });
        return id;
    }

    private double PushChain(int id, int axis, double amount, int depth)
    {
        if ((uint)id >= (uint)_solids.Count || !_solids[id].Movable || amount == 0 || depth > MaxChain)
        {
            return 0;
        }

        var me = _solids[id].Box;
        var s = Math.Sign(amount);
        var want = Math.Abs(amount);
        var allowed = want;
        for (var j = 0; j < _solids.Count; j++)
        {
            if (j == id || !BoxAxes.OverlapsAcross(me, _solids[j].Box, axis))
            {
                continue;
            }

            var other = _solids[j].Box;
            var gap = s > 0 ? BoxAxes.Get(other.Min, axis) - BoxAxes.Get(me.Max, axis) : BoxAxes.Get(me.Min, axis) - BoxAxes.Get(other.Max, axis);
            if (gap < -1e-6 || gap >= allowed)
            {
                continue;
            }

            gap = Math.Max(gap, 0);
            var moved = _solids[j].Movable ? Math.Abs(PushChain(j, axis, s * (allowed - gap), depth + 1)) : 0;
            allowed = Math.Min(allowed, gap + moved);
        }

        var d = s * allowed;
        var delta = axis switch { 0 => new Vec3(d, 0, 0), 1 => new Vec3(0, d, 0), _ => new Vec3(0, 0, d) };
        var solid = _solids[id];
        solid.Box = me.Translate(delta);
        _solids[id] = solid;
        return d;
    }
}
