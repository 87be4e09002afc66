namespace Stow.Planning.Tests.Decision;

using FsCheck.Xunit;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Space;
using Stow.Planning.Candidates;
using Stow.Planning.Decision;
using Stow.Planning.Risk;
using Stow.Planning.Tests.Support;

public class StowPlannerTests
{
    private static readonly ISuccessModel Prior = new PriorSuccessModel();

    [Property(MaxTest = 60)]
    public void Never_Plans_An_Item_Into_A_Bin_Where_The_Estimate_Says_It_Cannot_Fit(int seed)
    {
        var rng = new Random(seed);
        var pod = Scenarios.Fabric40;
        var options = new PlannerOptions { SwapThreshold = 0.5, Floor = 0.3, ExplorationRate = 0.05, Seed = seed };
        var planner = new StowPlanner(Prior, Scenarios.PodTypes, options);
        for (var round = 0; round < 5; round++)
        {
            var buffer = Scenarios.Buffer(rng, 1 + rng.Next(20));
            var estimate = Scenarios.Estimate(rng, pod);
            var d = planner.Decide(buffer, estimate, pod);
            if (d.Kind != DecisionKind.Stow)
            {
                continue;
            }

            var c = d.Candidate!.Value;
            var est = estimate.Bins[c.BinIndex];
            Assert.Same(buffer[c.ItemIndex], d.Item);
            Assert.True(Scenarios.Fits(d.Item!, c.Orientation, ChainSpace.Of(est, c.Chain), options.Fit, est.Confidence));
            Assert.True(c.Probability >= options.Floor);
        }
    }

    [Property(MaxTest = 60)]
    public void A_Pod_Swap_Is_Asked_For_Exactly_When_The_Best_P_Is_Below_The_Threshold(int seed)
    {
        var rng = new Random(seed);
        var pod = Scenarios.Fabric40;
        var threshold = 0.80 + (rng.NextDouble() * 0.19);
        var options = new PlannerOptions { SwapThreshold = threshold, Floor = threshold - 0.05, ExplorationRate = 0, PodSwapSeconds = 0 };
        var buffer = Scenarios.Buffer(rng, 1 + rng.Next(20));
        var estimate = Scenarios.Estimate(rng, pod, maxFill: rng.NextDouble());
        var d = new StowPlanner(Prior, Scenarios.PodTypes, options).Decide(buffer, estimate, pod);
        var bestP = ReferenceBestProbability(buffer, estimate, options.Fit);
        Assert.Equal(bestP, d.BestProbability, 12);
        Assert.Equal(bestP < threshold, d.Kind == DecisionKind.PodSwap);
        if (d.Kind == DecisionKind.Stow)
        {
            Assert.True(d.Candidate!.Value.Probability >= threshold);
        }
    }

    [Property(MaxTest = 12)]
    public void The_Same_Seed_Gives_The_Same_Decisions(int seed)
    {
        var options = new PlannerOptions { SwapThreshold = 0.6, Floor = 0.3, ExplorationRate = 0.05, Seed = seed };
        var a = Run(new StowPlanner(Prior, Scenarios.PodTypes, options), seed, 30);
        var b = Run(new StowPlanner(Prior, Scenarios.PodTypes, options), seed, 30);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Exploration_Stays_Within_The_Configured_Rate_And_Is_Recorded()
    {
        var options = new PlannerOptions { SwapThreshold = 0.5, Floor = 0.3, ExplorationRate = 0.05, Seed = 7 };
        var planner = new StowPlanner(Prior, Scenarios.PodTypes, options);
        var rng = new Random(7);
        var pod = Scenarios.Fabric40;
        var flagged = 0;
        for (var i = 0; i < 800; i++)
        {
            var d = planner.Decide(Scenarios.Buffer(rng, 10), Scenarios.Estimate(rng, pod, 0.5), pod);
            if (d.IsExploration)
            {
                flagged++;
                Assert.Equal(DecisionKind.Stow, d.Kind);
                Assert.True(d.Candidate!.Value.Probability >= options.Floor);
                Assert.StartsWith("explore", d.Reason, StringComparison.Ordinal);
            }

            Assert.True(planner.Explorations <= options.ExplorationRate * planner.StowDecisions);
        }

        Assert.Equal(planner.Explorations, flagged);
        Assert.True(flagged > 0, "exploration never happened");
        Assert.InRange(planner.ObservedExplorationRate, 0.02, 0.05);
    }

    [Fact]
    public void No_Exploration_Happens_When_The_Rate_Is_Zero()
    {
        var planner = new StowPlanner(Prior, Scenarios.PodTypes, new PlannerOptions { ExplorationRate = 0, SwapThreshold = 0.5, Floor = 0.3 });
        var rng = new Random(3);
        for (var i = 0; i < 100; i++)
        {
            Assert.False(planner.Decide(Scenarios.Buffer(rng, 5), Scenarios.Estimate(rng, Scenarios.Fabric40), Scenarios.Fabric40).IsExploration);
        }

        Assert.Equal(0, planner.Explorations);
    }

    [Fact]
    public void An_Exploration_Rate_Above_Five_Percent_Is_Rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StowPlanner(Prior, Scenarios.PodTypes, new PlannerOptions { ExplorationRate = 0.06 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StowPlanner(Prior, Scenarios.PodTypes, new PlannerOptions { Floor = 0.97, SwapThreshold = 0.96 }));
    }

    [Fact]
    public void An_Item_That_Fits_No_Bin_Of_Any_Pod_Type_Is_Routed_To_The_Exception_Path()
    {
        var pod = Scenarios.Fabric40;
        var rug = new Item(new ItemId("rug"), "rug", new ItemDimensions(1.2, 0.3, 0.3), 4, PackagingClass.Deformable, false, "", "test");
        var small = Scenarios.RandomItem(new Random(1), 1);
        var d = new StowPlanner(Prior, Scenarios.PodTypes).Decide([small, rug], Scenarios.EmptyPod(pod), pod);
        Assert.Equal(DecisionKind.Exception, d.Kind);
        Assert.Same(rug, d.Item);
        var baseline = new LargestFreeVolumePolicy(Prior, Scenarios.PodTypes).Decide([rug], Scenarios.EmptyPod(pod), pod);
        Assert.Equal(DecisionKind.Exception, baseline.Kind);
    }

    [Fact]
    public void An_Item_That_Only_Fits_Another_Pod_Type_Waits_For_A_Pod_Swap_Instead_Of_The_Exception_Path()
    {
        var pod = Scenarios.Fabric40;
        // 0.30 m wide: wider than every fabric-40 opening (0.244 m) but within fabric-24-wide's (0.33 m).
        var wide = new Item(new ItemId("wide"), "wide", new ItemDimensions(0.38, 0.30, 0.29), 1, PackagingClass.Box, false, "", "test");
        var d = new StowPlanner(Prior, Scenarios.PodTypes).Decide([wide], Scenarios.EmptyPod(pod), pod);
        Assert.Equal(DecisionKind.PodSwap, d.Kind);
        Assert.Equal(0, d.CandidateCount);
    }

    [Fact]
    public void With_A_Swap_Slack_An_Item_No_Bin_Takes_At_The_Threshold_Is_Stowed_Near_Its_Empty_Bin_Best()
    {
        var pod = Scenarios.Fabric40;
        // Heavy, fragile and irregular: even an empty bin gives it P below the 0.96 threshold but above the 0.92 floor.
        var hard = new Item(new ItemId("hard"), "hard", new ItemDimensions(0.12, 0.10, 0.08), 4.0, PackagingClass.Irregular, true, "", "test");
        var empty = Scenarios.EmptyPod(pod);
        var plain = new StowPlanner(Prior, [pod], new PlannerOptions { PodSwapSeconds = 0 }).Decide([hard], empty, pod);
        var slack = new StowPlanner(Prior, [pod], new PlannerOptions { SwapSlack = 0.02, PodSwapSeconds = 0 }).Decide([hard], empty, pod);

        Assert.InRange(plain.BestProbability, 0.92, 0.96);
        Assert.Equal(DecisionKind.PodSwap, plain.Kind);
        Assert.Equal(DecisionKind.Stow, slack.Kind);
        Assert.Same(hard, slack.Item);
        Assert.InRange(slack.Candidate!.Value.Probability, plain.BestProbability - 0.02, plain.BestProbability);
    }

    [Fact]
    public void The_Drive_Unit_Trip_Is_Weighed_A_Long_Trip_Stows_Where_No_Trip_Cost_Swaps()
    {
        var pod = Scenarios.Fabric40;
        var hard = new Item(new ItemId("hard"), "hard", new ItemDimensions(0.12, 0.10, 0.08), 4.0, PackagingClass.Irregular, true, "", "test");
        var empty = Scenarios.EmptyPod(pod);
        var free = new StowPlanner(Prior, [pod], new PlannerOptions { PodSwapSeconds = 0 }).Decide([hard], empty, pod);
        var costly = new StowPlanner(Prior, [pod], new PlannerOptions { PodSwapSeconds = 15 }).Decide([hard], empty, pod);

        Assert.Equal(DecisionKind.PodSwap, free.Kind);
        Assert.Equal(DecisionKind.Stow, costly.Kind);
        // r · t_swap / (1 + r · t_fail) with r = 1/12 per s, t_swap = 15 s, t_fail = 15 s.
        Assert.Equal(1.25 / 2.25, new PlannerOptions { PodSwapSeconds = 15 }.SwapCostInProbability, 12);
        Assert.Equal(0, new PlannerOptions { PodSwapSeconds = 0 }.SwapCostInProbability);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlannerOptions { PodSwapSeconds = -1 }.Validate());
    }

    [Fact]
    public void A_Stow_Decision_Logs_The_Propensity_Of_Its_Choice()
    {
        var pod = Scenarios.Fabric40;
        var item = new Item(new ItemId("box"), "box", new ItemDimensions(0.12, 0.10, 0.05), 0.3, PackagingClass.Box, false, "", "test");
        var d = new StowPlanner(Prior, [pod], new PlannerOptions { ExplorationRate = 0 }).Decide([item], Scenarios.EmptyPod(pod), pod);

        Assert.Equal(DecisionKind.Stow, d.Kind);
        Assert.Equal(1, d.Propensity);
        Assert.Equal(1, d.ToAttemptRecord(StowOutcome.Stowed).Propensity);
    }

    [Fact]
    public void A_Swap_Slack_Never_Takes_A_Candidate_Below_The_Floor()
    {
        var pod = Scenarios.Fabric40;
        // Even in an empty bin this item scores below a floor raised to 0.95, so no slack makes it acceptable.
        var hopeless = new Item(new ItemId("hopeless"), "hopeless", new ItemDimensions(0.12, 0.10, 0.08), 4.0, PackagingClass.Irregular, true, "", "test");
        var d = new StowPlanner(Prior, [pod], new PlannerOptions { SwapSlack = 0.5, Floor = 0.95 }).Decide([hopeless], Scenarios.EmptyPod(pod), pod);

        Assert.True(d.BestProbability < 0.95, $"best P {d.BestProbability}");
        Assert.Equal(DecisionKind.PodSwap, d.Kind);
    }

    [Fact]
    public void A_Carried_Out_Stow_Becomes_An_Attempt_Record_With_Its_Prediction_And_Exploration_Flag()
    {
        var pod = Scenarios.Fabric40;
        var item = new Item(new ItemId("box"), "box", new ItemDimensions(0.15, 0.1, 0.05), 0.3, PackagingClass.Box, false, "", "test");
        var d = new StowPlanner(Prior, Scenarios.PodTypes).Decide([item], Scenarios.EmptyPod(pod), pod);
        var record = d.ToAttemptRecord(StowOutcome.Defect);
        Assert.Equal(d.Candidate!.Value.Features, record.Features);
        Assert.Equal(d.Candidate.Value.Probability, record.PredictedProbability);
        Assert.Equal(d.IsExploration, record.Exploration);
        Assert.False(record.Succeeded);
        Assert.Empty(d.Candidate.Value.Chain.Steps);
        Assert.Equal([Primitive.SweepLeft, Primitive.Slot], PrimitiveChain.All[6].Steps);
        var idle = new StowPlanner(Prior, Scenarios.PodTypes).Decide([], Scenarios.EmptyPod(pod), pod);
        Assert.Throws<InvalidOperationException>(() => idle.ToAttemptRecord(StowOutcome.Stowed));
    }

    [Fact]
    public void An_Empty_Buffer_Gives_Idle()
    {
        var pod = Scenarios.Fabric40;
        Assert.Equal(DecisionKind.Idle, new StowPlanner(Prior, Scenarios.PodTypes).Decide([], Scenarios.EmptyPod(pod), pod).Kind);
    }

    [Fact]
    public void Overhead_Rows_Win_When_Preferred_Even_If_Slightly_Tighter()
    {
        var pod = Scenarios.Fabric40;
        var item = new Item(new ItemId("box"), "box", new ItemDimensions(0.15, 0.1, 0.05), 0.3, PackagingClass.Box, false, "", "test");
        var bins = new List<BinSpaceEstimate>();
        foreach (var spec in pod.Bins)
        {
            // Overhead bins leave 15 mm beside and above the item lying flat; lower bins are roomy.
            var high = spec.FloorHeight >= 1.5;
            var space = new PrimitiveSpace(Primitive.None, high ? 0.115 : spec.OpeningWidth, high ? 0.065 : spec.OpeningHeight, spec.Depth);
            bins.Add(new BinSpaceEstimate(spec.Id, 0, spec.Volume, space, 1, [space], [0.3f], 1, 1));
        }

        var estimate = new PodSpaceEstimate(new PodId("P"), 0, bins);
        var plain = new StowPlanner(Prior, Scenarios.PodTypes, new PlannerOptions { ExplorationRate = 0, PreferOverheadRows = false }).Decide([item], estimate, pod);
        var overhead = new StowPlanner(Prior, Scenarios.PodTypes, new PlannerOptions { ExplorationRate = 0 })
            .Decide([item], estimate, pod);
        Assert.Equal(DecisionKind.Stow, plain.Kind);
        Assert.Equal(DecisionKind.Stow, overhead.Kind);
        Assert.True(plain.Candidate!.Value.Features.RowHeight < 1.5, plain.Reason);
        Assert.True(overhead.Candidate!.Value.Features.RowHeight >= 1.5, overhead.Reason);
    }

    [Fact]
    public void A_Plain_Insertion_Wins_Over_A_Chain_When_Both_Fit_With_Room()
    {
        var pod = Scenarios.Fabric40;
        var item = new Item(new ItemId("box"), "box", new ItemDimensions(0.15, 0.1, 0.05), 0.3, PackagingClass.Box, false, "", "test");
        var d = new StowPlanner(Prior, Scenarios.PodTypes, new PlannerOptions { ExplorationRate = 0 }).Decide([item], Scenarios.EmptyPod(pod), pod);
        Assert.Equal(new PrimitiveChain(Primitive.None, Primitive.None), d.Candidate!.Value.Chain);
        Assert.Equal(5, d.Alternatives.Count);
        Assert.True(d.Alternatives[0].Score <= d.Candidate.Value.Score);
    }

    [Fact]
    public void The_Baseline_Picks_The_Fitting_Bin_With_The_Largest_Free_Volume()
    {
        var rng = new Random(5);
        var pod = Scenarios.Fabric40;
        var estimate = Scenarios.Estimate(rng, pod, 0.9);
        var buffer = Scenarios.Buffer(rng, 3);
        var d = new LargestFreeVolumePolicy(Prior, Scenarios.PodTypes).Decide(buffer, estimate, pod);
        Assert.Equal(DecisionKind.Stow, d.Kind);
        var generator = new CandidateGenerator();
        generator.Generate(buffer, estimate, pod, Prior);
        var first = generator.Candidates[0].ItemIndex;
        Assert.Equal(first, d.Candidate!.Value.ItemIndex);
        foreach (var c in generator.Candidates)
        {
            if (c.ItemIndex == first)
            {
                Assert.True(estimate.Bins[c.BinIndex].FreeVolume <= estimate.Bins[d.Candidate.Value.BinIndex].FreeVolume);
            }
        }
    }

    private static List<string> Run(IStowPolicy policy, int seed, int rounds)
    {
        var rng = new Random(seed);
        var pod = Scenarios.Fabric40;
        var log = new List<string>();
        for (var i = 0; i < rounds; i++)
        {
            var d = policy.Decide(Scenarios.Buffer(rng, 1 + rng.Next(20)), Scenarios.Estimate(rng, pod), pod);
            log.Add($"{d.Kind} {d.Item?.Id} {d.Candidate?.Bin} {d.Candidate?.Chain} {d.Candidate?.Orientation} {d.IsExploration}");
        }

        return log;
    }

    /// <summary>Brute force over items × bins × chains × orientations, independent of the generator's loop.</summary>
    private static double ReferenceBestProbability(List<Item> buffer, PodSpaceEstimate estimate, FitOptions fit)
    {
        var pod = Scenarios.Fabric40;
        var best = 0.0;
        foreach (var item in buffer)
        {
            foreach (var est in estimate.Bins)
            {
                var spec = pod[est.Bin];
                foreach (var chain in PrimitiveChain.All)
                {
                    var space = ChainSpace.Of(est, chain);
                    foreach (var o in Enum.GetValues<ItemOrientation>())
                    {
                        if (!OrientationRules.IsAllowed(item.Class, o) || !Scenarios.Fits(item, o, space, fit, est.Confidence))
                        {
                            continue;
                        }

                        OrientationRules.Extents(item.Dimensions, o, out var dx, out var dy, out var dz);
                        var extra = (1 - est.Confidence) * fit.UncertaintyMargin;
                        var f = new CandidateFeatures(
                            item.Class, item.Mass, item.Fragile,
                            space.Width - dy - fit.WidthMargin - extra,
                            space.Height - dz - fit.HeightMargin - extra,
                            space.Depth - dx - fit.DepthMargin - extra,
                            Math.Clamp(1 - (est.FreeVolume / spec.Volume), 0, 1),
                            spec.FloorHeight,
                            chain,
                            Math.Min(1, item.Volume / space.Volume));
                        best = Math.Max(best, Prior.Predict(f));
                    }
                }
            }
        }

        return best;
    }
}
