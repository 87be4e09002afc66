using Stow.Core.Ids;
using Stow.Sim.World;

namespace Stow.Sim.Tests.World;

public class DeterminismTests
{
    private static byte[] Build(int seed)
    {
        var rng = new Random(seed);
        var pod = new SimPod(new PodId("POD-D"), WorldTestData.Fabric40);
        PodPrefill.Fill(pod, WorldTestData.Mix, 0.35, rng);
        RandomWorldDriver.Run(pod, WorldTestData.Mix, 300, rng);
        return pod.Serialize();
    }

    [Fact]
    public void Same_seed_gives_a_byte_for_byte_identical_world()
    {
        var a = Build(42);
        var b = Build(42);
        Assert.Equal(a, b);
        Assert.True(a.Length > 1000);
    }

    [Fact]
    public void Different_seeds_give_different_worlds()
    {
        Assert.NotEqual(Build(1), Build(2));
    }

    [Fact]
    public void Serialised_world_lists_every_item_with_its_box_and_pose()
    {
        var pod = new SimPod(new PodId("POD-S"), WorldTestData.Fabric24Wide);
        PodPrefill.Fill(pod, WorldTestData.Mix, 0.3, new Random(5));
        using var doc = System.Text.Json.JsonDocument.Parse(pod.Serialize());
        var bins = doc.RootElement.GetProperty("bins");
        Assert.Equal(24, bins.GetArrayLength());
        var count = bins.EnumerateArray().Sum(b => b.GetProperty("items").GetArrayLength());
        Assert.Equal(pod.ItemCount, count);
        Assert.Equal(pod.Contents().Count(), count);
    }
}
