namespace Stow.Sim.World;

using System.Globalization;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Space;

/// <summary>
/// Fills a pod with random contents drawn from an item list to a target volumetric fill, for planning and
/// rendering scenarios. Purely geometric (no outcome sampling); deterministic for the RNG state. Stateless.
/// </summary>
public static class PodPrefill
{
    /// <summary>Consecutive failed placements after which a bin counts as full (assumption: 40).</summary>
    public const int MaxFailures = 40;

    /// <summary>
    /// Adds items to every bin, in bin order, until each bin's fill reaches <paramref name="targetFill"/> or
    /// <see cref="MaxFailures"/> draws in a row do not fit. Each draw picks an item uniformly, an orientation
    /// (flat 70%, on edge 20%, upright 10%: assumption, most goods are stowed lying), a mode (plain insertion at a
    /// uniform lateral position 75%, stack 25%) and keeps the placement only when the item ends fully inside and the
    /// bin's fill stays ≤ target + 5%. Placed units get ids <c>&lt;id&gt;#p&lt;n&gt;</c> (n counts up per pod).
    /// </summary>
    /// <param name="pod">The pod to fill (existing contents stay).</param>
    /// <param name="items">Items to draw from (not changed).</param>
    /// <param name="targetFill">Target fill per bin, in [0, 1].</param>
    /// <param name="rng">Seeded random source.</param>
    /// <returns>Number of items placed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetFill"/> is outside [0, 1].</exception>
    /// <exception cref="ArgumentException"><paramref name="items"/> is empty.</exception>
    public static int Fill(SimPod pod, IReadOnlyList<Item> items, double targetFill, Random rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetFill, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetFill, 1);
        if (items.Count == 0)
        {
            throw new ArgumentException("no items to fill the pod with", nameof(items));
        }

        var placed = 0;
        foreach (var bin in pod.Bins)
        {
            placed += FillBin(bin, items, targetFill, rng, placed);
        }

        return placed;
    }

    /// <summary>
    /// Fills a pod as it comes back from the floor: each bin, in bin order, gets its own target fill drawn from
    /// <paramref name="arrival"/> (<see cref="PodArrivalOptions.Draw"/>) and is filled as <see cref="Fill"/> does.
    /// Every draw comes from <paramref name="rng"/> (the prefill stream), so the same seed gives the same pod whatever
    /// else the shift does.
    /// </summary>
    /// <param name="pod">The pod to fill (existing contents stay).</param>
    /// <param name="items">Items to draw from (e.g. the catalogue's; not changed).</param>
    /// <param name="arrival">The arrival fill distribution.</param>
    /// <param name="rng">Seeded random source (the prefill stream).</param>
    /// <returns>Number of items placed.</returns>
    /// <exception cref="ArgumentException"><paramref name="items"/> is empty.</exception>
    public static int FillArrival(SimPod pod, IReadOnlyList<Item> items, PodArrivalOptions arrival, Random rng)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(arrival);
        if (items.Count == 0)
        {
            throw new ArgumentException("no items to fill the pod with", nameof(items));
        }

        var placed = 0;
        foreach (var bin in pod.Bins)
        {
            placed += FillBin(bin, items, arrival.Draw(rng), rng, placed);
        }

        return placed;
    }

    private static int FillBin(SimBin bin, IReadOnlyList<Item> items, double targetFill, Random rng, int placedBefore)
    {
        var placed = 0;
        var failures = 0;
        while (bin.Fill < targetFill && failures < MaxFailures)
        {
            var item = items[rng.Next(items.Count)];
            var orientation = DrawOrientation(rng);
            var mode = rng.NextDouble() < 0.75 ? Primitive.None : Primitive.Stack;
            var size = ItemOrientations.Size(item.Dimensions, orientation);
            var y = rng.NextDouble() * Math.Max(0, bin.Spec.OpeningWidth - size.Y);
            var plan = bin.PlanInsert(item, orientation, y, mode);
            if (!plan.Fits || (bin.OccupiedVolume + item.Volume) / bin.Spec.Volume > targetFill + 0.05)
            {
                failures++;
                continue;
            }

            var unit = item with
            {
                Id = new ItemId(string.Create(CultureInfo.InvariantCulture, $"{item.Id.Value}#p{placedBefore + placed}")),
            };
            bin.Commit(unit, plan);
            placed++;
            failures = 0;
        }

        return placed;
    }

    private static ItemOrientation DrawOrientation(Random rng)
    {
        var u = rng.NextDouble();
        var across = rng.Next(2) == 1;
        return u switch
        {
            < 0.7 => across ? ItemOrientation.WLH : ItemOrientation.LWH,
            < 0.9 => across ? ItemOrientation.HLW : ItemOrientation.LHW,
            _ => across ? ItemOrientation.HWL : ItemOrientation.WHL,
        };
    }
}
