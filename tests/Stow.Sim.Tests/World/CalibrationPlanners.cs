using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Space;
using Stow.Sim.World;

namespace Stow.Sim.Tests.World;

/// <summary>Two reference planners used to calibrate and check the outcome model, and the rates they reach.</summary>
internal static class CalibrationPlanners
{
    private static readonly Primitive[][] Chains =
    [
        [], [Primitive.Stack], [Primitive.Slot], [Primitive.SweepLeft], [Primitive.SweepRight], [Primitive.Flip],
        [Primitive.SweepLeft, Primitive.Stack], [Primitive.SweepRight, Primitive.Stack],
    ];

    public sealed record Rates(int Attempts, int Stowed, int Unproductive, int Defects, int Deferred, int PodSwaps, double MeanFillAtSwap)
    {
        public double Success => (double)Stowed / Attempts;

        public double UnproductiveRate => (double)Unproductive / Attempts;

        public double DefectRate => (double)Defects / Attempts;

        public override string ToString() =>
            $"{Attempts} attempts: {Success:P1} stowed, {UnproductiveRate:P1} unproductive, {DefectRate:P1} defects; {Deferred} items deferred to the next pod, {PodSwaps} pod swaps, mean fill at swap {MeanFillAtSwap:P1}";
    }

    /// <summary>
    /// A sensible planner: for each item, previews every bin, orientation, a few lateral positions and chains, and
    /// takes the candidate with the highest predicted success; asks for a pod swap when that falls below the threshold.
    /// </summary>
    public static Rates RunSensible(IReadOnlyList<Item> items, int attempts, int seed, double swapThreshold) =>
        Run(items, attempts, seed, (pod, item, rng) =>
        {
            StowRequest? best = null;
            var bestP = -1.0;
            foreach (var bin in pod.Bins)
            {
                foreach (var o in ItemOrientations.All)
                {
                    var w = ItemOrientations.Size(item.Dimensions, o).Y;
                    if (w > bin.Spec.OpeningWidth || ItemOrientations.Size(item.Dimensions, o).Z > bin.Spec.OpeningHeight)
                    {
                        continue;
                    }

                    foreach (var chain in Chains)
                    {
                        var ys = chain.Length == 0 || chain[0] == Primitive.Stack
                            ? LateralCandidates(bin, w)
                            : [chain[0] == Primitive.SweepRight ? bin.Spec.OpeningWidth - w : 0];
                        foreach (var y in ys)
                        {
                            var request = new StowRequest(bin.Spec.Id, item, o, y, chain);
                            var p = pod.Preview(request).Probabilities.Success;
                            if (p > bestP)
                            {
                                bestP = p;
                                best = request;
                            }
                        }
                    }
                }
            }

            return bestP >= swapThreshold ? best : null;
        });

    /// <summary>
    /// A naive planner: bins in random order, the item lying flat at a random lateral position, plain insertion where it
    /// fits, else stacking; a pod swap only when it fits nowhere.
    /// </summary>
    public static Rates RunNaive(IReadOnlyList<Item> items, int attempts, int seed) =>
        Run(items, attempts, seed, (pod, item, rng) =>
        {
            var start = rng.Next(pod.Bins.Count);
            var flip = rng.Next(2) == 0;
            for (var k = 0; k < 2 * pod.Bins.Count; k++)
            {
                var bin = pod.Bins[(start + k) % pod.Bins.Count];
                var o = (k < pod.Bins.Count) == flip ? ItemOrientation.LWH : ItemOrientation.WLH;
                var w = ItemOrientations.Size(item.Dimensions, o).Y;
                var y = rng.NextDouble() * Math.Max(0, bin.Spec.OpeningWidth - w);
                foreach (var chain in (Primitive[][])[[], [Primitive.Stack]])
                {
                    var request = new StowRequest(bin.Spec.Id, item, o, y, chain);
                    if (pod.Preview(request).Plan.Fits)
                    {
                        return request;
                    }
                }
            }

            return null;
        });

    private static List<double> LateralCandidates(SimBin bin, double w)
    {
        var ys = new List<double> { 0, bin.Spec.OpeningWidth - w };
        foreach (var p in bin.Items)
        {
            if (p.Box.Min.Z == 0 && p.Box.Max.Y + w <= bin.Spec.OpeningWidth + 1e-12 && !ys.Contains(p.Box.Max.Y))
            {
                ys.Add(p.Box.Max.Y);
            }
        }

        return ys;
    }

    /// <summary>Items that fit some bin of the pod type in some orientation (the others are set aside at induct).</summary>
    public static List<Item> Stowable(IReadOnlyList<Item> items) =>
        items.Where(i => WorldTestData.Fabric40.Bins.Any(b => ItemOrientations.All.Any(o =>
        {
            var s = ItemOrientations.Size(i.Dimensions, o);
            return s.X <= b.Depth && s.Y <= b.OpeningWidth && s.Z <= b.OpeningHeight;
        }))).ToList();

    private static Rates Run(IReadOnlyList<Item> all, int attempts, int seed, Func<SimPod, Item, Random, StowRequest?> choose)
    {
        var items = Stowable(all);
        var rng = new Random(seed);
        var pods = 0;
        var fillSum = 0.0;
        SimPod NewPod()
        {
            var pod = new SimPod(new PodId($"POD-{pods++}"), WorldTestData.Fabric40);
            PodPrefill.Fill(pod, items, 0.2, rng);
            return pod;
        }

        var pod = NewPod();
        int stowed = 0, unproductive = 0, defects = 0, swaps = 0, deferred = 0, refusedInARow = 0;
        for (var a = 0; a < attempts; a++)
        {
            var item = items[rng.Next(items.Count)];
            item = item with { Id = new ItemId($"{item.Id.Value}#{a}") };
            var request = choose(pod, item, rng);
            if (request is null)
            {
                // The item waits in the buffer for the next pod; three refusals in a row ask for a pod swap.
                deferred++;
                if (++refusedInARow >= 3)
                {
                    fillSum += pod.Bins.Average(b => b.Fill);
                    swaps++;
                    pod = NewPod();
                    refusedInARow = 0;
                }

                continue;
            }

            refusedInARow = 0;

            switch (pod.Stow(request.Value, rng).Outcome)
            {
                case StowOutcome.Stowed: stowed++; break;
                case StowOutcome.Unproductive: unproductive++; break;
                default: defects++; break;
            }
        }

        var total = stowed + unproductive + defects;
        return new Rates(total, stowed, unproductive, defects, deferred, swaps, swaps == 0 ? 0 : fillSum / swaps);
    }
}
