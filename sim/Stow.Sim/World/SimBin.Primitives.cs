namespace Stow.Sim.World;

using Stow.Core.Geometry;
using Stow.Core.Space;

/// <summary>The space-making primitives' geometric effects: sweep and flip, and gravity settling.</summary>
public sealed partial class SimBin
{
    /// <summary>
    /// Sweeps the contents sideways with the spatula: <see cref="Primitive.SweepLeft"/> pushes every item towards +y
    /// (against the left wall), <see cref="Primitive.SweepRight"/> towards −y. Items nearest the target wall move
    /// first; each slides until it meets the wall or an item it overlaps in x and z. Then everything settles.
    /// Volume is conserved. Allocation-free once grown.
    /// </summary>
    /// <param name="direction">SweepLeft or SweepRight.</param>
    /// <returns>Free width [m] at the side the sweep cleared (right side for SweepLeft, left for SweepRight).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not a sweep.</exception>
    public double Sweep(Primitive direction)
    {
        var left = direction switch
        {
            Primitive.SweepLeft => true,
            Primitive.SweepRight => false,
            _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "not a sweep"),
        };

        // Order: nearest to the target wall first (by far edge), ties by index: deterministic.
        for (var i = 0; i < _count; i++)
        {
            _order[i] = i;
        }

        SortOrder(left ? SortKey.MaxYDescending : SortKey.MinYAscending);
        for (var k = 0; k < _count; k++)
        {
            var i = _order[k];
            var b = _items[i].Box;
            double shift;
            if (left)
            {
                var limit = Spec.OpeningWidth;
                for (var m = 0; m < k; m++)
                {
                    var o = _items[_order[m]].Box;
                    if (OverlapsXz(o, b) && o.Min.Y >= b.Max.Y - Epsilon)
                    {
                        limit = Math.Min(limit, o.Min.Y);
                    }
                }

                shift = Math.Max(0, limit - b.Max.Y);
            }
            else
            {
                var limit = 0.0;
                for (var m = 0; m < k; m++)
                {
                    var o = _items[_order[m]].Box;
                    if (OverlapsXz(o, b) && o.Max.Y <= b.Min.Y + Epsilon)
                    {
                        limit = Math.Max(limit, o.Max.Y);
                    }
                }

                shift = -Math.Max(0, b.Min.Y - limit);
            }

            if (shift != 0)
            {
                _items[i] = _items[i] with { Box = b.Translate(new Vec3(0, shift, 0)) };
            }
        }

        Settle();
        return left ? FreeWidthRight : FreeWidthLeft;
    }

    /// <summary>
    /// Flips one flat item lying on the floor with nothing on it onto its edge: its thinnest edge turns across (y),
    /// the edge it had across turns vertical, its depth extent stays. It stays against the side nearer a wall.
    /// Of the items that can flip without leaving the bin or touching another item, the one that frees the most
    /// floor width flips (ties: lowest index). Volume is conserved. Allocation-free.
    /// </summary>
    /// <returns>The floor width [m] freed, or 0 when no item can flip (the bin is unchanged).</returns>
    public double Flip()
    {
        var best = -1;
        var bestFreed = 1e-6;
        var bestBox = default(Box3);
        for (var i = 0; i < _count; i++)
        {
            var p = _items[i];
            var b = p.Box;
            var size = b.Size;
            var thin = p.Item.Dimensions.Height;
            if (b.Min.Z > Epsilon || ItemOrientations.PoseOf(p.Item.Dimensions, size) != ItemPose.Lying ||
                size.Y - thin <= bestFreed || size.Y > Spec.OpeningHeight + Epsilon || HasLoad(i))
            {
                continue;
            }

            var nearRight = b.Min.Y <= Spec.OpeningWidth - b.Max.Y;
            var y0 = nearRight ? b.Min.Y : b.Max.Y - thin;
            var nb = new Box3(new Vec3(b.Min.X, y0, 0), new Vec3(b.Max.X, y0 + thin, size.Y));
            if (FirstOverlap(nb, i) >= 0)
            {
                continue;
            }

            best = i;
            bestFreed = size.Y - thin;
            bestBox = nb;
        }

        if (best < 0)
        {
            return 0;
        }

        _items[best] = _items[best] with { Box = bestBox };
        Settle();
        return bestFreed;
    }

    /// <summary>
    /// Drops every item to the highest support under its footprint (floor or another item's top), lowest items
    /// first, then refreshes the lean flags. Keeps the no-overlap invariant. Allocation-free.
    /// </summary>
    public void Settle()
    {
        for (var i = 0; i < _count; i++)
        {
            _order[i] = i;
        }

        SortOrder(SortKey.MinZAscending);
        for (var k = 0; k < _count; k++)
        {
            var i = _order[k];
            var b = _items[i].Box;
            var z = SupportHeight(b, i);
            if (z < b.Min.Z - Epsilon)
            {
                _items[i] = _items[i] with { Box = b.Translate(new Vec3(0, 0, z - b.Min.Z)) };
            }
        }

        RefreshPoses();
    }

    /// <summary>True when another item rests on item <paramref name="index"/>.</summary>
    private bool HasLoad(int index)
    {
        var b = _items[index].Box;
        for (var j = 0; j < _count; j++)
        {
            var o = _items[j].Box;
            if (j != index && Math.Abs(o.Min.Z - b.Max.Z) <= 1e-6 && OverlapsXy(o, b))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Insertion sort of <c>_order[0.._count)</c> by a key; stable, so ties keep index order.</summary>
    private void SortOrder(SortKey key)
    {
        for (var a = 1; a < _count; a++)
        {
            var v = _order[a];
            var kv = Key(v, key);
            var j = a - 1;
            while (j >= 0 && Key(_order[j], key) > kv)
            {
                _order[j + 1] = _order[j];
                j--;
            }

            _order[j + 1] = v;
        }
    }

    private double Key(int i, SortKey key) => key switch
    {
        SortKey.MaxYDescending => -_items[i].Box.Max.Y,
        SortKey.MinYAscending => _items[i].Box.Min.Y,
        _ => _items[i].Box.Min.Z,
    };

    private enum SortKey
    {
        MaxYDescending,
        MinYAscending,
        MinZAscending,
    }
}
