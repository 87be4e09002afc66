using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Space;
using Stow.Sim.Devices.Contact;
using Stow.Sim.Tests.World;
using Stow.Sim.World;

namespace Stow.Sim.Tests.Devices;

public class SimPodContactGeometryTests
{
    [Fact]
    public void The_World_Pod_Gives_The_Arm_Its_Walls_And_Items_As_Immovable_Solids()
    {
        var pod = new SimPod(new PodId("POD-C"), WorldTestData.Fabric40);
        var bin = pod.Bin(BinId.Parse("C2"));
        var item = WorldTestData.Make("brick", 0.10, 0.08, 0.06, 0.5, PackagingClass.Box);
        Assert.True(bin.Insert(item, ItemOrientation.LWH, 0.05, Primitive.None));
        var itemFace = SimPod.ToPodFace(bin.Spec, bin[0].Box);
        var geometry = new SimPodContactGeometry(pod);

        var probe = SimPod.ToPodFace(bin.Spec, new Box3(new Vec3(0.20, 0.06, 0.0), new Vec3(0.26, 0.07, 0.01)));
        Span<ContactSolid> solids = new ContactSolid[32];
        var n = geometry.Query(probe, solids);

        Assert.Contains(itemFace, solids[..n].ToArray().Select(s => s.Box));
        Assert.All(solids[..n].ToArray(), s => Assert.False(s.Movable));
        Assert.All(solids[..n].ToArray(), s => Assert.Equal(StaticContactGeometry.DefaultWallStiffness, s.Stiffness));
        Assert.Equal(0, geometry.Push(solids[0].Id, 1, 0.01));
    }
}
