namespace Stow.Planning.Tests.Support;

using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Planning.Candidates;

/// <summary>Seeded synthetic buffers and pod space estimates on the committed pod types (config/pods).</summary>
public static class Scenarios
{
    private static readonly Lazy<IReadOnlyList<PodType>> Types = new(() =>
    [
        PodTypeLoader.Load(Path.Combine(RepoRoot(), "config", "pods", "fabric-40.json")),
        PodTypeLoader.Load(Path.Combine(RepoRoot(), "config", "pods", "fabric-24-wide.json")),
    ]);

    public static IReadOnlyList<PodType> PodTypes => Types.Value;

    public static PodType Fabric40 => Types.Value[0];

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StowCell.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("StowCell.sln not found above " + AppContext.BaseDirectory);
    }

    public static Item RandomItem(Random rng, int index)
    {
        var l = 0.03 + (rng.NextDouble() * 0.30);
        var w = 0.02 + (rng.NextDouble() * (l - 0.02));
        var h = 0.005 + (rng.NextDouble() * (w - 0.005));
        return new Item(
            new ItemId("item-" + index),
            "synthetic",
            new ItemDimensions(l, w, h),
            0.05 + (rng.NextDouble() * 2.5),
            (PackagingClass)rng.Next(7),
            rng.NextDouble() < 0.1,
            "test",
            "synthetic");
    }

    public static List<Item> Buffer(Random rng, int count)
    {
        var items = new List<Item>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(RandomItem(rng, i));
        }

        return items;
    }

    /// <summary>A random estimate of every bin of <paramref name="pod"/>; fill fractions up to <paramref name="maxFill"/>.</summary>
    public static PodSpaceEstimate Estimate(Random rng, PodType pod, double maxFill = 0.9)
    {
        var bins = new List<BinSpaceEstimate>(pod.Bins.Count);
        foreach (var spec in pod.Bins)
        {
            var fill = rng.NextDouble() * maxFill;
            double bw = spec.OpeningWidth, bh = spec.OpeningHeight, bd = spec.Depth;
            double U(double lo, double hi) => lo + (rng.NextDouble() * (hi - lo));
            var none = new PrimitiveSpace(Primitive.None, bw * (1 - fill) * U(0.3, 1), bh * U(0.4, 1), bd * U(0.5, 1));
            var spaces = new List<PrimitiveSpace> { none };
            void Maybe(Primitive p, double w, double h, double d)
            {
                if (rng.NextDouble() < 0.85)
                {
                    spaces.Add(new PrimitiveSpace(p, Math.Min(bw, w), Math.Min(bh, h), Math.Min(bd, d)));
                }
            }

            Maybe(Primitive.SweepLeft, none.Width + (U(0, 0.4) * bw), none.Height * U(0.8, 1), none.Depth * U(0.8, 1.2));
            Maybe(Primitive.SweepRight, none.Width + (U(0, 0.4) * bw), none.Height * U(0.8, 1), none.Depth * U(0.8, 1.2));
            Maybe(Primitive.Flip, none.Width + (U(0, 0.3) * bw), bh * U(0.3, 1), bd * U(0.5, 1));
            Maybe(Primitive.Stack, bw * U(0.2, 1), bh * (1 - fill) * U(0.2, 0.9), bd * U(0.5, 1));
            Maybe(Primitive.Slot, bw * U(0, 0.3), bh * U(0.5, 1), bd * U(0.5, 1));
            bins.Add(new BinSpaceEstimate(spec.Id, 0, spec.Volume * (1 - fill), none, U(0.7, 1), spaces, [(float)bd], 1, 1));
        }

        return new PodSpaceEstimate(new PodId("POD-TEST"), 0, bins);
    }

    /// <summary>Every bin empty: each primitive space is the whole interior.</summary>
    public static PodSpaceEstimate EmptyPod(PodType pod)
    {
        var bins = new List<BinSpaceEstimate>();
        foreach (var spec in pod.Bins)
        {
            var spaces = new List<PrimitiveSpace>();
            foreach (var p in Enum.GetValues<Primitive>())
            {
                spaces.Add(new PrimitiveSpace(p, spec.OpeningWidth, spec.OpeningHeight, spec.Depth));
            }

            bins.Add(new BinSpaceEstimate(spec.Id, 0, spec.Volume, spaces[0], 1, spaces, [(float)spec.Depth], 1, 1));
        }

        return new PodSpaceEstimate(new PodId("POD-EMPTY"), 0, bins);
    }

    /// <summary>True when <paramref name="item"/> in <paramref name="orientation"/> plus margins fits <paramref name="space"/>.</summary>
    public static bool Fits(Item item, ItemOrientation orientation, PrimitiveSpace space, FitOptions fit, double confidence)
    {
        OrientationRules.Extents(item.Dimensions, orientation, out var dx, out var dy, out var dz);
        var extra = (1 - confidence) * fit.UncertaintyMargin;
        return dx + fit.DepthMargin + extra <= space.Depth + 1e-12
            && dy + fit.WidthMargin + extra <= space.Width + 1e-12
            && dz + fit.HeightMargin + extra <= space.Height + 1e-12;
    }
}
