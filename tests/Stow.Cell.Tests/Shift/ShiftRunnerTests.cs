using Microsoft.Extensions.Logging.Abstractions;
using Stow.Cell.PackML;
using Stow.Cell.Shift;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.Operator;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Core.Catalog;
using Stow.Core.Outcomes;
using Stow.Core.Time;

namespace Stow.Cell.Tests.Shift;

public class ShiftRunnerTests
{
    private static (ShiftRunner Runner, MemoryJournal Journal, AutoOperator Operator, PackMlCell Cell, ScriptedPlanner Planner) Build(int seed, double inductInterval = 0)
    {
        var catalog = CatalogLoader.LoadWithDefaults("arc2017");
        var type = Stow.Core.Pods.PodTypeLoader.Load(Path.Combine(Support.TestPaths.RepoRoot, "config", "pods", "fabric-40.json"));
        var clock = new VirtualClock();
        var world = new SimShiftWorld(type, catalog.Items, 0.1, seed);
        var journal = new MemoryJournal();
        var op = new AutoOperator();
        var cell = new PackMlCell(clock);
        var planner = new ScriptedPlanner();
        var runner = new ShiftRunner(world, new GroundTruthPerception(world), planner, new TimedMotion(clock, world), journal, op,
            new PackMlShiftStates(cell), clock, new ShiftOptions { BufferSize = 5, InductIntervalSeconds = inductInterval }, NullLogger.Instance);
        return (runner, journal, op, cell, planner);
    }

    [Fact]
    public void A_Shift_With_A_Scripted_Planner_Accounts_For_Every_Item_And_Completes()
    {
        var (runner, journal, op, cell, planner) = Build(3);
        var items = ItemSampler.Draw(CatalogLoader.LoadWithDefaults("arc2017"), 25, 3);
        var result = runner.Run(items, CancellationToken.None);

        Assert.Equal(PackMlState.Complete, cell.State);
        Assert.Equal(25, journal.Places.Count);
        Assert.DoesNotContain("in_flight", journal.Places.Values);
        Assert.DoesNotContain("buffer", journal.Places.Values);
        Assert.Equal(0, result.Summary.Unaccounted);
        Assert.Equal(result.Summary.Attempted, result.Summary.Stowed + result.Summary.Unproductive + result.Summary.Defect);
        Assert.Equal(result.Summary.Attempted, planner.Recorded);
        Assert.True(result.Summary.Stowed > 0);
        Assert.Equal(journal.Places.Values.Count(p => p.StartsWith("bin:", StringComparison.Ordinal)), result.Summary.Stowed);
        Assert.Contains("Execute", op.States);
    }

    [Fact]
    public void When_Arrivals_Lag_The_Empty_Buffer_Suspends_The_Cell_Until_The_Next_Item_Then_It_Resumes()
    {
        // One item every 120 s: far slower than a stow, so the buffer runs empty after each one.
        var (runner, journal, op, cell, _) = Build(3, inductInterval: 120);
        var suspended = new List<double>();
        cell.Transitioned += (_, e) =>
        {
            if (e.To == PackMlState.Suspended)
            {
                suspended.Add(e.At);
            }
        };
        var items = ItemSampler.Draw(CatalogLoader.LoadWithDefaults("arc2017"), 6, 3);

        var result = runner.Run(items, CancellationToken.None);

        Assert.Equal(PackMlState.Complete, cell.State);
        Assert.Equal(0, result.Summary.Unaccounted);
        Assert.Equal(6, journal.Places.Count);
        Assert.True(suspended.Count >= 5, $"starved {suspended.Count} times, expected once per late item");
        Assert.True(result.Summary.SimSeconds >= 5 * 120, $"the shift took {result.Summary.SimSeconds} s; 6 items arriving 120 s apart need at least 600 s");
        Assert.Contains("Suspended", op.States);
    }

    [Fact]
    public void A_Bin_Where_An_Item_Stopped_Short_Takes_No_More_Items_On_That_Pod()
    {
        var catalog = CatalogLoader.LoadWithDefaults("arc2017");
        var type = Stow.Core.Pods.PodTypeLoader.Load(Path.Combine(Support.TestPaths.RepoRoot, "config", "pods", "fabric-40.json"));
        var clock = new VirtualClock();
        var world = new StopsShortOnceWorld(new SimShiftWorld(type, catalog.Items, 0.1, 3));
        var journal = new MemoryJournal();
        var cell = new PackMlCell(clock);
        var runner = new ShiftRunner(world, new GroundTruthPerception(world.Inner), new ScriptedPlanner(), new StopsShortOnceMotion(new TimedMotion(clock)), journal, new AutoOperator(),
            new PackMlShiftStates(cell), clock, new ShiftOptions { BufferSize = 5 }, NullLogger.Instance);

        var result = runner.Run(ItemSampler.Draw(catalog, 4, 3), CancellationToken.None);

        Assert.Equal(0, result.Summary.Unaccounted);
        Assert.True(world.Applied.Count >= 2, $"{world.Applied.Count} attempts");
        // The scripted planner always takes the emptiest bin that fits; the blocked bin is no longer offered.
        Assert.DoesNotContain(world.Applied[0].Bin, world.Applied.Skip(1).TakeWhile(a => a.Pod == world.Applied[0].Pod).Select(a => a.Bin));
    }

    /// <summary>The simulated world, except that the item of the first stow never leaves the paddles (nothing changes).</summary>
    private sealed class StopsShortOnceWorld(SimShiftWorld inner) : IShiftWorld
    {
        public SimShiftWorld Inner { get; } = inner;

        public List<(Stow.Core.Ids.PodId Pod, Stow.Core.Ids.BinId Bin)> Applied { get; } = [];

        public Stow.Core.Pods.PodType PodType => Inner.PodType;

        public Stow.Core.Ids.PodId Pod => Inner.Pod;

        public double Density => Inner.Density;

        public void NextPod() => Inner.NextPod();

        public void Apply(StowAction action)
        {
            Applied.Add((Inner.Pod, action.Bin));
            if (Applied.Count > 1)
            {
                Inner.Apply(action);
            }
        }
    }

    /// <summary>Timed motion whose EOAT beams still see the first item after its feed (it stopped short of the bin).</summary>
    private sealed class StopsShortOnceMotion(TimedMotion inner) : IShiftMotion
    {
        private int _reads;

        public double JitterP99Ms => inner.JitterP99Ms;

        public MotionReport Execute(StowAction action) => inner.Execute(action);

        public bool ItemInPaddles() => ++_reads == 1;

        public void ClearFault() => inner.ClearFault();

        public bool BringUp() => inner.BringUp();

        public IReadOnlyList<double> JitterSamplesMs() => inner.JitterSamplesMs();
    }

    [Fact]
    public void Cancelling_Stops_Between_Stows_Through_PackML_Stop()
    {
        var (runner, journal, _, cell, _) = Build(4);
        var items = ItemSampler.Draw(CatalogLoader.LoadWithDefaults("arc2017"), 25, 4);
        using var cts = new CancellationTokenSource();
        runner.Progress += (_, p) =>
        {
            if (p.Attempted == 3)
            {
                cts.Cancel();
            }
        };
        var result = runner.Run(items, cts.Token);

        Assert.Equal(PackMlState.Stopped, cell.State);
        Assert.Equal(3, result.Summary.Attempted);
        Assert.DoesNotContain("in_flight", journal.Places.Values);
    }

    [Fact]
    public void The_Same_Seed_Gives_The_Same_Shift()
    {
        string Run()
        {
            var (runner, journal, _, _, _) = Build(5);
            var r = runner.Run(ItemSampler.Draw(CatalogLoader.LoadWithDefaults("arc2017"), 20, 5), CancellationToken.None);
            return string.Join(';', journal.Places.OrderBy(p => p.Key.Value, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")) + $"|{r.Summary.SimSeconds}";
        }

        Assert.Equal(Run(), Run());
    }
}
