using BenchmarkDotNet.Attributes;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Sim.World;

namespace Stow.Bench;

/// <summary>
/// Simulated-world operations per second (issue 2: ≥ 100,000 insert-or-primitive operations per second). Each
/// invocation resets the 40 bins of a fabric-40 pod prefilled to 40% and runs four operations per bin.
/// </summary>
[MemoryDiagnoser]
public class WorldBenchmarks
{
    private const int OpsPerBin = 4;
    private static readonly Primitive[] SweepThenStack = [Primitive.SweepRight, Primitive.Stack];
    private static readonly Primitive[] Plain = [];

    private SimPod _template = null!;
    private SimPod _pod = null!;
    private Item[] _items = null!;
    private Random _rng = null!;

    /// <summary>Loads the pod type and prefills the template pod.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var type = PodTypeLoader.Load(Path.Combine(FindRoot(), "config", "pods", "fabric-40.json"));
        _items =
        [
            Make("box", 0.12, 0.08, 0.05, PackagingClass.Box),
            Make("book", 0.22, 0.15, 0.02, PackagingClass.Book),
            Make("bag", 0.20, 0.14, 0.04, PackagingClass.Deformable),
            Make("bottle", 0.20, 0.07, 0.07, PackagingClass.Cylinder),
            Make("wrapped", 0.16, 0.10, 0.06, PackagingClass.Wrapped),
        ];
        _template = new SimPod(new PodId("POD-B"), type);
        PodPrefill.Fill(_template, _items, 0.4, new Random(1));
        _pod = new SimPod(new PodId("POD-B"), type);
        _rng = new Random(2);
    }

    /// <summary>Per bin: plain insert, sweep left, flip, insert with stack.</summary>
    [Benchmark(OperationsPerInvoke = 40 * OpsPerBin)]
    public int InsertAndPrimitives()
    {
        var placed = 0;
        for (var b = 0; b < 40; b++)
        {
            var bin = _pod.Bins[b];
            bin.CopyFrom(_template.Bins[b]);
            var item = _items[b % _items.Length];
            placed += bin.Insert(item, ItemOrientation.LWH, 0.3 * bin.Spec.OpeningWidth, Primitive.None) ? 1 : 0;
            bin.Sweep(Primitive.SweepLeft);
            bin.Flip();
            placed += bin.Insert(item, ItemOrientation.WLH, 0, Primitive.Stack) ? 1 : 0;
        }

        return placed;
    }

    /// <summary>Per bin: two full stochastic stows, (sweep right, stack) = 2 operations and a plain insert = 1 operation.</summary>
    [Benchmark(OperationsPerInvoke = 40 * 3)]
    public int StochasticStows()
    {
        var stowed = 0;
        for (var b = 0; b < 40; b++)
        {
            var bin = _pod.Bins[b];
            bin.CopyFrom(_template.Bins[b]);
            var item = _items[(b + 1) % _items.Length];
            var r1 = _pod.Stow(new StowRequest(bin.Spec.Id, item, ItemOrientation.LWH, 0, SweepThenStack), _rng);
            var r2 = _pod.Stow(new StowRequest(bin.Spec.Id, item, ItemOrientation.LHW, 0.5 * bin.Spec.OpeningWidth, Plain), _rng);
            stowed += (r1.Outcome == StowOutcome.Stowed ? 1 : 0) + (r2.Outcome == StowOutcome.Stowed ? 1 : 0);
        }

        return stowed;
    }

    /// <summary>Ground truth of the whole prefilled pod (16 × 16 free-depth grid and every primitive's space).</summary>
    [Benchmark]
    public int PodGroundTruth() => BinGroundTruth.Estimate(_template, 0, 16, 16).Bins.Count;

    private static Item Make(string name, double a, double b, double c, PackagingClass cls) =>
        new(new ItemId(name), name, new ItemDimensions(a, b, c), 0.3, cls, false, "bench", "bench");

    private static string FindRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "StowCell.sln")))
        {
            d = d.Parent;
        }

        return d?.FullName ?? Directory.GetCurrentDirectory();
    }
}
