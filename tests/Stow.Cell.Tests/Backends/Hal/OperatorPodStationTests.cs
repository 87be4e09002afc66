using Stow.Cell.Backends.Hal;
using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Hardware.Lifecycle;
using Stow.Cell.Tests.Support;

namespace Stow.Cell.Tests.Backends.Hal;

/// <summary>The live cell's pod side: pod ids from configuration, swaps completed by the operator's acknowledgement.</summary>
public sealed class OperatorPodStationTests
{
    [Fact(Timeout = 10_000)]
    public async Task Swaps_Walk_The_Configured_Pod_Ids_Then_Count_On_With_The_Prefix()
    {
        await Task.Yield();
        var station = new OperatorPodStation("pod_station", ["P-A", "P-B"], "P");
        Assert.Equal(CallbackReturn.Success, station.Configure());
        Assert.Equal(CallbackReturn.Success, station.Activate());
        var world = new HalShiftWorld(PodTypeLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "pods", "fabric-40.json")), station);
        var arrived = new List<PodId>();
        world.PodArrived += (_, p) => arrived.Add(p);

        Assert.Equal(new PodId("P-A"), world.Pod);
        world.NextPod();
        world.NextPod();

        Assert.Equal([new PodId("P-B"), new PodId("P-0003")], arrived);
        Assert.Equal(CommandStatus.Invalid, station.AcknowledgeArrival()); // no swap requested
    }

    [Fact(Timeout = 10_000)]
    public async Task Apply_Moves_Nothing_And_Counts_Only_The_Volume_This_Cell_Stowed()
    {
        await Task.Yield();
        var station = new OperatorPodStation("pod_station", [], "P");
        station.Configure();
        station.Activate();
        var type = PodTypeLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "pods", "fabric-40.json"));
        var world = new HalShiftWorld(type, station);
        var item = new Item(new ItemId("i-1"), "box", new ItemDimensions(0.2, 0.1, 0.1), 0.3, PackagingClass.Box, false, "test", "test");

        world.Apply(new StowAction(item, type.Bins[0].Id, [], ItemOrientation.LWH, 0.9, false));

        Assert.Equal(0.002 / type.Bins.Sum(b => b.Volume), world.Density, 12);
        world.NextPod();
        Assert.Equal(0, world.Density);
        Assert.Equal(new PodId("P-0002"), world.Pod);
    }
}
