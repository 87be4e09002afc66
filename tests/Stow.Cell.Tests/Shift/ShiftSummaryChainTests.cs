using Microsoft.Extensions.Logging.Abstractions;
using Stow.Cell.PackML;
using Stow.Cell.Shift;
using Stow.Core.Catalog;
using Stow.Core.Time;
using Stow.Planning.Decision;
using Stow.Planning.Risk;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;

namespace Stow.Cell.Tests.Shift;

/// <summary>The run summary reports each chain's use and success (issue #16), consistent with the attempts.</summary>
public class ShiftSummaryChainTests
{
    [Fact(Timeout = 60000)]
    public async Task Chain_Use_Sums_To_The_Attempts_And_Chain_Success_To_The_Stows()
    {
        var catalog = CatalogLoader.LoadWithDefaults("arc2017");
        var type = Stow.Core.Pods.PodTypeLoader.Load(Path.Combine(Support.TestPaths.RepoRoot, "config", "pods", "fabric-40.json"));
        var types = Stow.Core.Pods.PodTypeLoader.LoadFolder(Path.Combine(Support.TestPaths.RepoRoot, "config", "pods")).Values.ToList();
        var clock = new VirtualClock();
        var world = new SimShiftWorld(type, catalog.Items, 0.5, 12);
        var planner = new PolicyPlanner(new StowPlanner(new PriorSuccessModel(), types, new PlannerOptions { Seed = 12 }));
        var runner = new ShiftRunner(world, new GroundTruthPerception(world), planner, new TimedMotion(clock, world), new MemoryJournal(),
            new AutoOperator(), new PackMlShiftStates(new PackMlCell(clock)), clock, new ShiftOptions { MaxPods = 4, EndAtPodLimit = true }, NullLogger.Instance);

        var s = (await Task.Run(() => runner.Run(ItemSampler.Draw(catalog, 80, 12), CancellationToken.None))).Summary;

        Assert.True(s.Attempted > 0, "no attempts: the test says nothing");
        Assert.Equal(s.Attempted, s.ChainUse.Values.Sum());
        Assert.Equal(s.ChainUse.Keys, s.ChainSuccess.Keys);
        Assert.Equal(s.Stowed, s.ChainUse.Sum(kv => s.ChainSuccess[kv.Key] * kv.Value), 6);
        Assert.All(s.ChainSuccess.Values, r => Assert.InRange(r, 0, 1));
        Assert.Equal(s.ChainUse.Keys, s.ChainSpaceMadeLitres.Keys);
        Assert.All(s.ChainSpaceMadeLitres.Values, l => Assert.True(l >= 0));
        Assert.Equal(0, s.ChainSpaceMadeLitres.GetValueOrDefault("None"));
    }

    [Fact(Timeout = 60000)]
    public async Task Ece_And_Overhead_Share_Follow_The_Attempts()
    {
        var catalog = CatalogLoader.LoadWithDefaults("arc2017");
        var type = Stow.Core.Pods.PodTypeLoader.Load(Path.Combine(Support.TestPaths.RepoRoot, "config", "pods", "fabric-40.json"));
        var types = Stow.Core.Pods.PodTypeLoader.LoadFolder(Path.Combine(Support.TestPaths.RepoRoot, "config", "pods")).Values.ToList();
        var clock = new VirtualClock();
        var world = new SimShiftWorld(type, catalog.Items, 0.5, 13);
        var planner = new PolicyPlanner(new StowPlanner(new PriorSuccessModel(), types, new PlannerOptions { Seed = 13 }));
        var runner = new ShiftRunner(world, new GroundTruthPerception(world), planner, new TimedMotion(clock, world), new MemoryJournal(),
            new AutoOperator(), new PackMlShiftStates(new PackMlCell(clock)), clock, new ShiftOptions { MaxPods = 4, EndAtPodLimit = true }, NullLogger.Instance);

        var r = await Task.Run(() => runner.Run(ItemSampler.Draw(catalog, 80, 13), CancellationToken.None));
        var s = r.Summary;

        Assert.True(s.Stowed > 0, "no stows: the test says nothing");
        var stowed = r.Attempts.Where(a => a.Outcome == "stowed").ToList();
        Assert.All(stowed, a => Assert.True(double.IsFinite(a.BinFloorHeight), "every attempt knows its bin's floor height"));
        var overhead = stowed.Count(a => a.BinFloorHeight >= Stow.Cell.Reporting.ShiftSummary.OverheadFloorHeight);
        Assert.Equal(overhead / (double)stowed.Count, s.OverheadShare!.Value, 9);
        Assert.InRange(s.Ece!.Value, 0, 1);
        // ECE never exceeds the mean absolute miscalibration of single attempts, and is at least |mean P - success rate|.
        Assert.True(s.Ece.Value <= r.Attempts.Average(a => Math.Abs(a.PredictedP - (a.Outcome == "stowed" ? 1 : 0))) + 1e-9);
        Assert.True(s.Ece.Value + 1e-9 >= Math.Abs(s.MeanPredictedP - s.SuccessRate));
    }
}
