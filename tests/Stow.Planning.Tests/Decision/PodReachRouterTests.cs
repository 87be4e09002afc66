namespace Stow.Planning.Tests.Decision;

using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Planning.Decision;
using Stow.Planning.Risk;
using Stow.Planning.Tests.Support;
using Xunit;

public sealed class PodReachRouterTests
{
    private static readonly PlannerOptions Options = new() { Floor = 0.90 };

    private static Item Box(string id, double l, double w, double h) =>
        new(new ItemId(id), id, new ItemDimensions(l, w, h), 0.3, PackagingClass.Box, false, "test", "synthetic");

    /// <summary>Every bin of the pod offers the same cube of free space (edge <paramref name="edge"/> m) to every primitive.</summary>
    private static PodSpaceEstimate Pod(string id, PodType type, double edge)
    {
        var bins = new List<BinSpaceEstimate>();
        foreach (var spec in type.Bins)
        {
            var spaces = Enum.GetValues<Primitive>().Select(p => new PrimitiveSpace(p, Math.Min(edge, spec.OpeningWidth), Math.Min(edge, spec.OpeningHeight), Math.Min(edge, spec.Depth))).ToList();
            bins.Add(new BinSpaceEstimate(spec.Id, 0, spec.Volume * 0.5, spaces[0], 1, spaces, [(float)spec.Depth], 1, 1));
        }

        return new PodSpaceEstimate(new PodId(id), 0, bins);
    }

    private static PodSpaceEstimate Empty(string id, PodType type) => Scenarios.EmptyPod(type) with { Pod = new PodId(id) };

    [Fact]
    public void Reach_Is_The_Share_Of_Remembered_Pods_With_A_Candidate_At_The_Floor()
    {
        var type = Scenarios.Fabric40;
        var router = new PodReachRouter(new PriorSuccessModel(), Options, 0.2);
        router.ObservePod(Empty("P1", type), type);
        for (var i = 2; i <= 5; i++)
        {
            router.ObservePod(Pod("P" + i, type, 0.08), type);
        }

        var bulky = Box("bulky", 0.20, 0.15, 0.12); // fits only the empty pod
        var small = Box("small", 0.04, 0.03, 0.02); // fits every pod
        Assert.Equal(5, router.RememberedPods);
        Assert.Equal(0.2, router.Reach(bulky), 12);
        Assert.Equal(1.0, router.Reach(small), 12);
    }

    [Fact]
    public void A_Later_Estimate_Of_The_Same_Pod_Is_Not_Counted_Again_And_Old_Pods_Leave_The_Memory()
    {
        var type = Scenarios.Fabric40;
        var router = new PodReachRouter(new PriorSuccessModel(), Options, 0.2, memoryPods: 5, minPodsToJudge: 5);
        var bulky = Box("bulky", 0.20, 0.15, 0.12);
        router.ObservePod(Empty("P1", type), type);
        router.ObservePod(Pod("P1", type, 0.08), type); // the same pod after a stow: ignored
        Assert.Equal(1, router.RememberedPods);
        Assert.Equal(1.0, router.Reach(bulky), 12);

        for (var i = 2; i <= 6; i++)
        {
            router.ObservePod(Pod("P" + i, type, 0.08), type);
        }

        Assert.Equal(5, router.RememberedPods); // P1, the only pod with room, has left
        Assert.Equal(0.0, router.Reach(bulky), 12);
    }

    [Fact]
    public void Routes_The_Lowest_Reach_Item_Below_The_Minimum_And_Nothing_Else()
    {
        var type = Scenarios.Fabric40;
        var router = new PodReachRouter(new PriorSuccessModel(), Options, 0.3, memoryPods: 10, minPodsToJudge: 5);
        var bulky = Box("bulky", 0.20, 0.15, 0.12);   // room on 1 of 5 pods: reach 0.2
        var huge = Box("huge", 0.34, 0.30, 0.30);     // wider than any opening: reach 0
        var small = Box("small", 0.04, 0.03, 0.02);   // room on all
        List<Item> buffer = [small, bulky, huge];

        router.ObservePod(Empty("P1", type), type);
        for (var i = 2; i <= 4; i++)
        {
            router.ObservePod(Pod("P" + i, type, 0.08), type);
            Assert.Null(router.RouteInsteadOfSwap(buffer)); // fewer than 5 pods seen: nothing is judged yet
        }

        router.ObservePod(Pod("P5", type, 0.08), type);
        var d = router.RouteInsteadOfSwap(buffer);
        Assert.NotNull(d);
        Assert.Equal(DecisionKind.Exception, d.Kind);
        Assert.Same(huge, d.Item);
        Assert.Contains("on 0 of the last 5 pods", d.Reason, StringComparison.Ordinal);

        buffer.Remove(huge);
        Assert.Same(bulky, router.RouteInsteadOfSwap(buffer)!.Item);
        buffer.Remove(bulky);
        Assert.Null(router.RouteInsteadOfSwap(buffer));
    }

    [Fact]
    public void A_Zero_Minimum_Turns_Routing_Off()
    {
        var type = Scenarios.Fabric40;
        var router = new PodReachRouter(new PriorSuccessModel(), Options, 0, memoryPods: 5, minPodsToJudge: 1);
        router.ObservePod(Pod("P1", type, 0.05), type);
        Assert.Equal(0.0, router.Reach(Box("huge", 0.30, 0.22, 0.20)), 12);
        Assert.Null(router.RouteInsteadOfSwap([Box("huge", 0.30, 0.22, 0.20)]));
    }

    [Theory]
    [InlineData(-0.1, 20, 5)]
    [InlineData(1.1, 20, 5)]
    [InlineData(double.NaN, 20, 5)]
    [InlineData(0.1, 0, 1)]
    [InlineData(0.1, 5, 6)]
    [InlineData(0.1, 5, 0)]
    public void Bad_Settings_Are_Refused(double minReach, int memory, int judge) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PodReachRouter(new PriorSuccessModel(), Options, minReach, memory, judge));
}
