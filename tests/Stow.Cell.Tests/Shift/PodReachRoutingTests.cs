using Microsoft.Extensions.Logging.Abstractions;
using Stow.Cell.Hosting;
using Stow.Cell.PackML;
using Stow.Cell.Shift;
using Stow.Core.Catalog;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Core.Time;
using Stow.Planning.Decision;
using Stow.Planning.Risk;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.Operator;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Sim.World;

namespace Stow.Cell.Tests.Shift;

/// <summary>The reach router in a shift: an item that the arriving pods have no room for leaves instead of costing swaps.</summary>
public class PodReachRoutingTests
{
    [Fact(Timeout = 120_000)]
    public async Task A_Bulky_Item_Leaves_Instead_Of_A_Swap_When_Arriving_Pods_Have_No_Room_For_It()
    {
        await Task.Yield();
        var catalog = CatalogLoader.LoadWithDefaults("arc2017");
        var type = PodTypeLoader.Load(Path.Combine(Support.TestPaths.RepoRoot, "config", "pods", "fabric-40.json"));
        // Fits an empty bottom-row bin (0.32 m tall, 0.24 m opening, 0.36 m deep), but hardly a pod whose bins are 50-67 % full.
        var bulky = new Item(new ItemId("bulky-1"), "bulky", new ItemDimensions(0.30, 0.22, 0.20), 1.0, PackagingClass.Box, false, "test", "synthetic");
        var items = ItemSampler.Draw(catalog, 12, 5).Append(bulky).ToList();

        var without = Run(type, catalog, items, reach: null);
        var with = Run(type, catalog, items, reach: 0.5);

        // Without the router the bulky item waits through pod swaps until it is alone, then goes out as the bulkiest.
        Assert.DoesNotContain(without.Reasons, r => r.Contains("reach", StringComparison.Ordinal));
        // With it, the first time the pod offers the buffer nothing, the item with no room on the pods seen so far goes.
        var routed = Assert.Single(with.Reasons, r => r.Contains("bulky-1", StringComparison.Ordinal));
        Assert.Contains("of the last", routed, StringComparison.Ordinal);
        Assert.Equal("exception", with.Places[bulky.Id]);
        Assert.True(with.Pods < without.Pods, $"pods with the router {with.Pods}, without {without.Pods}");
        Assert.Equal(0, with.Unaccounted);
    }

    private static (List<string> Reasons, IReadOnlyDictionary<ItemId, string> Places, int Pods, int Unaccounted) Run(PodType type, ItemCatalog catalog, List<Item> items, double? reach)
    {
        var clock = new VirtualClock();
        var world = new SimShiftWorld(type, catalog.Items, new SimWorldOptions { Arrival = new PodArrivalOptions { MinFill = 0.5, MaxFill = 0.67 } }, 4);
        var journal = new MemoryJournal();
        var options = new PlannerOptions { Floor = 0.90, Seed = 4 };
        var model = new PriorSuccessModel();
        var planner = new RecordingPlanner(new PolicyPlanner(
            new StowPlanner(model, [type], options),
            new StowPlanner(model, [type], options with { SwapThreshold = options.Floor }),
            reach is { } r ? new PodReachRouter(model, options, r, memoryPods: 5, minPodsToJudge: 1) : null));
        var runner = new ShiftRunner(world, new GroundTruthPerception(world), planner, new TimedMotion(clock, world), journal, new AutoOperator(),
            new PackMlShiftStates(new PackMlCell(clock)), clock, new ShiftOptions { BufferSize = 5 }, NullLogger.Instance);
        var result = runner.Run(items, CancellationToken.None);
        return (planner.Reasons, journal.Places, result.Summary.Pods, result.Summary.Unaccounted);
    }

    private sealed class RecordingPlanner(IShiftPlanner inner) : IShiftPlanner
    {
        public List<string> Reasons { get; } = [];

        public ShiftDecision Decide(IReadOnlyList<Item> buffer, PodSpaceEstimate estimate, PodType podType, bool freshPod)
        {
            var d = inner.Decide(buffer, estimate, podType, freshPod);
            if (d is ShiftDecision.Exception e)
            {
                Reasons.Add(e.Reason);
            }

            return d;
        }

        public void Record(StowAction action, BinSpaceEstimate estimate, StowOutcome outcome) => inner.Record(action, estimate, outcome);
    }
}
