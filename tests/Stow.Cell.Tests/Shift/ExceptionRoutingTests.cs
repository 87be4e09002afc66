using Microsoft.Extensions.Logging.Abstractions;
using Stow.Cell.Hosting;
using Stow.Cell.PackML;
using Stow.Cell.Shift;
using Stow.Core.Catalog;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Core.Time;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.Operator;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;

namespace Stow.Cell.Tests.Shift;

public class ExceptionRoutingTests
{
    [Theory(Timeout = 60_000)]
    [InlineData(1, 7)]
    [InlineData(3, 3)]
    [InlineData(6, 2)]
    public async Task Items_No_Pod_Takes_Go_Out_Bulkiest_First_Without_A_Swap_For_Each(int perPod, int expectedPods)
    {
        await Task.Yield();
        var catalog = CatalogLoader.LoadWithDefaults("arc2017");
        var type = PodTypeLoader.Load(Path.Combine(Support.TestPaths.RepoRoot, "config", "pods", "fabric-40.json"));
        var clock = new VirtualClock();
        var world = new SimShiftWorld(type, catalog.Items, 0.1, 3);
        var journal = new MemoryJournal();
        var cell = new PackMlCell(clock);
        var planner = new NothingFitsPlanner();
        var runner = new ShiftRunner(world, new GroundTruthPerception(world), planner, new TimedMotion(clock, world), journal, new AutoOperator(),
            new PackMlShiftStates(cell), clock, new ShiftOptions { BufferSize = 5, ExceptionsPerFreshPod = perPod }, NullLogger.Instance);
        var items = ItemSampler.Draw(catalog, 6, 3);

        var result = runner.Run(items, CancellationToken.None);

        // Pod 1 is swapped once (a second chance); from pod 2 on, perPod items leave per pod before the next swap.
        Assert.Equal(PackMlState.Complete, cell.State);
        Assert.All(items, i => Assert.Equal("exception", journal.Places[i.Id]));
        Assert.Equal(0, result.Summary.Attempted);
        Assert.Equal(expectedPods, result.Summary.Pods);

        // The first five items fill the buffer; the first to leave is the bulkiest of them.
        var bulkiest = items.Take(5).MaxBy(i => i.Dimensions.Volume)!;
        Assert.Equal(bulkiest.Id, planner.Routed[0]);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("0")]
    [InlineData("101")]
    public async Task An_Exception_Count_Per_Pod_Out_Of_Range_Is_Refused_Naming_The_Key(string value)
    {
        await Task.Yield();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddCellLayers(null, new Dictionary<string, string?> { ["Cell:Shift:ExceptionsPerFreshPod"] = value }).Build();

        var e = Assert.Throws<Stow.Cell.Hosting.ShiftSetupException>(() => Stow.Cell.Hosting.CellConfiguration.Bind(configuration));

        Assert.Equal("Cell:Shift:ExceptionsPerFreshPod", e.Field);
        Assert.Contains($"Cell:Shift:ExceptionsPerFreshPod = {value} is out of range", e.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("Cell:Planning:MinPodReach", "-0.1")]
    [InlineData("Cell:Planning:MinPodReach", "1.5")]
    [InlineData("Cell:Planning:ReachPods", "4")]
    public async Task A_Reach_Setting_Out_Of_Range_Is_Refused_Naming_The_Key(string key, string value)
    {
        await Task.Yield();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddCellLayers(null, new Dictionary<string, string?> { [key] = value }).Build();

        var e = Assert.Throws<Stow.Cell.Hosting.ShiftSetupException>(() => Stow.Cell.Hosting.CellConfiguration.Bind(configuration));

        Assert.Equal(key, e.Field);
    }

    /// <summary>A planner for which no buffered item fits anywhere; it notes which item left the buffer first.</summary>
    private sealed class NothingFitsPlanner : IShiftPlanner
    {
        private List<Item> _last = [];

        public List<Stow.Core.Ids.ItemId> Routed { get; } = [];

        public ShiftDecision Decide(IReadOnlyList<Item> buffer, PodSpaceEstimate estimate, PodType podType, bool freshPod)
        {
            Routed.AddRange(_last.Where(i => !buffer.Contains(i)).Select(i => i.Id));
            _last = [.. buffer];
            return new ShiftDecision.PodSwap(0.0);
        }

        public void Record(StowAction action, BinSpaceEstimate estimate, StowOutcome outcome)
        {
        }
    }
}
