using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Space;
using Stow.Sim.Devices;
using Stow.Sim.Devices.Contact;
using Stow.Sim.Tests.World;
using Stow.Sim.World;

namespace Stow.Sim.Tests.Devices;

public class SimPodContactGeometryTests
{
    private static readonly Item Brick = WorldTestData.Make("brick", 0.10, 0.08, 0.06, 0.5, PackagingClass.Box);

    [Fact]
    public void The_World_Pod_Gives_The_Arm_Its_Walls_As_Immovable_And_Its_Items_As_Movable_Solids()
    {
        var (pod, bin) = PodWith(0.05);
        var itemFace = SimPod.ToPodFace(bin.Spec, bin[0].Box);
        var geometry = new SimPodContactGeometry(pod);

        var probe = SimPod.ToPodFace(bin.Spec, new Box3(new Vec3(0.20, 0.06, 0.0), new Vec3(0.26, 0.07, 0.01)));
        var solids = Query(geometry, probe);

        var item = Assert.Single(solids, s => s.Box == itemFace);
        Assert.True(item.Movable);
        Assert.Equal(0.5, item.Mass);
        Assert.Contains(solids, s => !s.Movable);
        Assert.All(solids.Where(s => !s.Movable), s => Assert.Equal(-1, s.Id));
        Assert.All(solids, s => Assert.Equal(StaticContactGeometry.DefaultWallStiffness, s.Stiffness));
        Assert.Equal(0, geometry.Push(-1, 1, 0.01));
    }

    [Fact]
    public void A_Pushed_Item_Slides_Sideways_Until_The_Wall_And_The_World_Pod_Is_Unchanged()
    {
        var (pod, bin) = PodWith(0.05);
        var before = bin[0].Box;
        var geometry = new SimPodContactGeometry(pod);
        var id = IdOfFirstItem(geometry, bin);

        Assert.Equal(0.02, geometry.Push(id, 1, 0.02), 9);
        var room = bin.Spec.OpeningWidth - before.Max.Y - 0.02;
        Assert.Equal(room, geometry.Push(id, 1, 5.0), 9);
        Assert.Equal(0, geometry.Push(id, 1, 0.01));
        Assert.Equal(0, geometry.Push(id, 2, 0.01));

        Assert.Equal(before, bin[0].Box);
        var moved = Assert.Single(Query(geometry, SimPod.ToPodFace(bin.Spec, new Box3(Vec3.Zero, new Vec3(bin.Spec.Depth, bin.Spec.OpeningWidth, bin.Spec.OpeningHeight)))), s => s.Movable);
        Assert.Equal(bin.Spec.OpeningWidth, moved.Box.Max.Y - bin.Spec.Origin.Y, 9);
        Assert.Equal(1, geometry.DisplacedItems);

        geometry.Reset();
        Assert.Equal(0, geometry.DisplacedItems);
        Assert.Equal(default, geometry.Displacement(pod.Bins.ToList().IndexOf(bin), 0));
    }

    [Fact]
    public void A_Push_Moves_The_Row_In_Front_And_Stops_When_The_Row_Is_Jammed()
    {
        var pod = new SimPod(new PodId("POD-C"), WorldTestData.Fabric40);
        var bin = pod.Bin(BinId.Parse("C2"));
        Assert.True(bin.Insert(Brick, ItemOrientation.LWH, 0.0, Primitive.None));
        Assert.True(bin.Insert(Brick, ItemOrientation.LWH, 0.10, Primitive.None));
        var geometry = new SimPodContactGeometry(pod);
        var first = IdOfFirstItem(geometry, bin);
        var gapBetween = bin[1].Box.Min.Y - bin[0].Box.Max.Y;
        var roomOfRow = bin.Spec.OpeningWidth - bin[1].Box.Max.Y;

        var achieved = geometry.Push(first, 1, 5.0);

        Assert.Equal(gapBetween + roomOfRow, achieved, 9);
        Assert.Equal(2, geometry.DisplacedItems);
        Assert.Equal(0, geometry.Push(first, 1, 0.01));
    }

    [Fact]
    public void With_Immovable_Items_Nothing_Slides()
    {
        var (pod, bin) = PodWith(0.05);
        var geometry = new SimPodContactGeometry(pod, movableItems: false);
        var solids = Query(geometry, SimPod.ToPodFace(bin.Spec, bin[0].Box));

        Assert.All(solids, s => Assert.False(s.Movable));
        Assert.Equal(0, geometry.Push(solids.First(s => s.Id >= 0).Id, 1, 0.01));
    }

    [Fact]
    public void The_Tool_Pushing_An_Item_Feels_Its_Friction_Not_A_Wall()
    {
        var (pod, bin) = PodWith(0.05);
        var movable = new SimPodContactGeometry(pod);
        var fixedItems = new SimPodContactGeometry(pod, movableItems: false);
        var model = new ToolContactModel(ContactModelOptions.Default, new EoatGeometry());
        var box = SimPod.ToPodFace(bin.Spec, bin[0].Box);

        // Spatula (extended 0.15 m) pressed 1 cm into the item's right face, moving +y.
        var tcp = new Vec3(box.Min.X - 0.05, box.Min.Y + 0.01 - (new EoatGeometry().SpatulaThickness / 2), (box.Min.Z + box.Max.Z) / 2);
        var pushed = model.Compute(movable, tcp, new Vec3(0, 0.05, 0), 0.15, 0.3);
        var blocked = model.Compute(fixedItems, tcp, new Vec3(0, 0.05, 0), 0.15, 0.3);

        var friction = ContactModelOptions.Default.Friction * 0.5 * ContactModelOptions.Default.Gravity;
        Assert.True(Math.Abs(pushed.Force.Y) <= friction + 1e-6 + (ContactModelOptions.Default.Damping * 0.05), $"pushed {pushed.Force.Y} N");
        Assert.True(Math.Abs(blocked.Force.Y) > 40, $"blocked {blocked.Force.Y} N");
    }

    private static (SimPod Pod, SimBin Bin) PodWith(double y)
    {
        var pod = new SimPod(new PodId("POD-C"), WorldTestData.Fabric40);
        var bin = pod.Bin(BinId.Parse("C2"));
        Assert.True(bin.Insert(Brick, ItemOrientation.LWH, y, Primitive.None));
        return (pod, bin);
    }

    private static int IdOfFirstItem(SimPodContactGeometry geometry, SimBin bin) =>
        Query(geometry, SimPod.ToPodFace(bin.Spec, bin[0].Box)).First(s => s.Movable && s.Box == SimPod.ToPodFace(bin.Spec, bin[0].Box)).Id;

    private static ContactSolid[] Query(SimPodContactGeometry geometry, Box3 region)
    {
        Span<ContactSolid> solids = new ContactSolid[64];
        var n = geometry.Query(region, solids);
        return solids[..n].ToArray();
    }
}
