using Microsoft.Extensions.Logging.Abstractions;
using Stow.Cell.PackML;
using Stow.Cell.Shift;
using Stow.Cell.Simulation;
using Stow.Core.Catalog;
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
        var runner = new ShiftRunner(world, new GroundTruthPerception(world), planner, new TimedMotion(clock), journal, op,
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
