using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Time;

namespace Stow.Core.Tests.Geometry;

public class GeometryTests
{
    [Fact]
    public void Pose_Inverse_Undoes_The_Transform()
    {
        var p = new Pose(new Vec3(0.3, -0.2, 1.1), Quat.FromRpy(0.1, -0.4, 1.2));
        var x = new Vec3(0.05, 0.5, -0.3);
        var back = p.Inverse().Transform(p.Transform(x));
        Assert.Equal(x.X, back.X, 9);
        Assert.Equal(x.Y, back.Y, 9);
        Assert.Equal(x.Z, back.Z, 9);
    }

    [Fact]
    public void Yaw_Of_Ninety_Degrees_Turns_X_Into_Y()
    {
        var v = Quat.FromRpy(0, 0, Math.PI / 2).Rotate(Vec3.UnitX);
        Assert.Equal(0, v.X, 9);
        Assert.Equal(1, v.Y, 9);
    }

    [Fact]
    public void Touching_Boxes_Do_Not_Overlap_But_Intersecting_Ones_Do()
    {
        var a = new Box3(Vec3.Zero, new Vec3(1, 1, 1));
        Assert.False(a.Overlaps(a.Translate(new Vec3(1, 0, 0))));
        Assert.True(a.Overlaps(a.Translate(new Vec3(0.5, 0.5, 0.5))));
    }

    [Fact]
    public void Item_Dimensions_Are_Sorted_And_Reject_Non_Positive_Edges()
    {
        var d = new ItemDimensions(0.1, 0.3, 0.2);
        Assert.Equal((0.3, 0.2, 0.1), (d.Length, d.Width, d.Height));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ItemDimensions(0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ItemDimensions(double.NaN, 1, 1));
    }

    [Fact]
    public void Bin_Id_Round_Trips_Its_Text()
    {
        Assert.Equal("C3", new BinId(2, 2).ToString());
        Assert.Equal(new BinId(9, 0), BinId.Parse("J1"));
        Assert.Throws<FormatException>(() => BinId.Parse("3C"));
    }

    [Fact]
    public void Virtual_Clock_Moves_Only_Forward()
    {
        var c = new VirtualClock();
        c.Advance(0.002);
        Assert.Equal(0.002, c.Now, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => c.Advance(-1));
    }
}
