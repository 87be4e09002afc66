using Stow.Core.Geometry;
using Stow.Core.Items;
using Stow.Core.Space;
using Stow.Sim.World;

namespace Stow.Sim.Tests.World;

public class SimBinGeometryTests
{
    private static readonly Item Brick = WorldTestData.Make("brick", 0.10, 0.08, 0.06, 0.5, PackagingClass.Box);
    private static readonly Item Book = WorldTestData.Make("book", 0.20, 0.15, 0.02, 0.4, PackagingClass.Book);

    [Fact]
    public void Item_inserted_into_an_empty_bin_slides_to_the_back_wall_and_rests_on_the_floor()
    {
        var bin = new SimBin(WorldTestData.TestBin);
        Assert.True(bin.Insert(Brick, ItemOrientation.LWH, 0.05, Primitive.None));
        var box = bin[0].Box;
        Assert.Equal(0.36, box.Max.X, 12);
        Assert.Equal(0.26, box.Min.X, 12);
        Assert.Equal(0.05, box.Min.Y, 12);
        Assert.Equal(0, box.Min.Z, 12);
        Assert.Equal(ItemPose.Lying, bin[0].Pose);
    }

    [Fact]
    public void Item_inserted_behind_another_stops_at_its_front_face()
    {
        var bin = new SimBin(WorldTestData.TestBin);
        bin.Insert(Brick, ItemOrientation.LWH, 0.05, Primitive.None);
        Assert.True(bin.Insert(Brick with { Id = new("b2") }, ItemOrientation.LWH, 0.07, Primitive.None));
        Assert.Equal(0.26, bin[1].Box.Max.X, 12);
        Assert.Equal(0.16, bin[1].Box.Min.X, 12);
    }

    [Fact]
    public void Item_that_does_not_fit_in_the_depth_left_protrudes_and_is_not_inserted()
    {
        var bin = new SimBin(WorldTestData.TestBin);
        bin.Place(Brick, new Box3(new Vec3(0.02, 0, 0), new Vec3(0.12, 0.08, 0.06)));
        var plan = bin.PlanInsert(Book, ItemOrientation.LWH, 0, Primitive.None);
        Assert.True(plan.Enters);
        Assert.False(plan.Fits);
        Assert.Equal(0.20 - 0.02, plan.Protrusion, 12);
        Assert.False(bin.Insert(Book, ItemOrientation.LWH, 0, Primitive.None));
        Assert.Equal(1, bin.Count);
    }

    [Fact]
    public void Stacked_item_rests_on_top_of_the_contents_in_its_lane()
    {
        var bin = new SimBin(WorldTestData.TestBin);
        bin.Insert(Book, ItemOrientation.LWH, 0, Primitive.None);
        Assert.True(bin.Insert(Brick, ItemOrientation.LWH, 0.02, Primitive.Stack));
        Assert.Equal(0.02, bin[1].Box.Min.Z, 12);
        Assert.Equal(0.36, bin[1].Box.Max.X, 12);
    }

    [Fact]
    public void Item_slid_in_above_a_low_item_drops_onto_the_highest_support_under_its_footprint()
    {
        var bin = new SimBin(WorldTestData.TestBin);
        bin.Place(Book, new Box3(new Vec3(0.16, 0, 0), new Vec3(0.36, 0.15, 0.02)));
        bin.Place(Brick with { Id = new("tall") }, new Box3(new Vec3(0.0, 0.0, 0), new Vec3(0.06, 0.08, 0.10)));
        Assert.True(bin.Insert(Brick, ItemOrientation.LWH, 0.0, Primitive.Stack));
        Assert.Equal(0.02, bin[2].Box.Min.Z, 12);
    }

    [Fact]
    public void Sweep_left_compacts_the_contents_against_the_left_wall_and_frees_width_on_the_right()
    {
        var bin = new SimBin(WorldTestData.TestBin);
        bin.Place(Brick, new Box3(new Vec3(0.26, 0.02, 0), new Vec3(0.36, 0.10, 0.06)));
        bin.Place(Brick with { Id = new("b2") }, new Box3(new Vec3(0.20, 0.12, 0), new Vec3(0.30, 0.20, 0.06)));
        var before = bin.FreeWidthRight;
        var freed = bin.Sweep(Primitive.SweepLeft);
        Assert.Equal(0.02, before, 12);
        Assert.Equal(0.08, freed, 12);
        Assert.Equal(0.24, bin[1].Box.Max.Y, 12);
        Assert.Equal(0.16, bin[0].Box.Max.Y, 12);
        var space = BinGroundTruth.LargestBox(bin);
        Assert.True(space.Width >= 0.08 - 1e-12);
    }

    [Fact]
    public void Sweep_right_moves_stacked_items_with_the_contents_and_frees_width_on_the_left()
    {
        var bin = new SimBin(WorldTestData.TestBin);
        bin.Place(Book, new Box3(new Vec3(0.16, 0.05, 0), new Vec3(0.36, 0.20, 0.02)));
        bin.Place(Brick, new Box3(new Vec3(0.26, 0.10, 0.02), new Vec3(0.36, 0.18, 0.08)));
        bin.Sweep(Primitive.SweepRight);
        Assert.Equal(0, bin[0].Box.Min.Y, 12);
        Assert.Equal(0, bin[1].Box.Min.Y, 12);
        Assert.Equal(0.02, bin[1].Box.Min.Z, 12);
        Assert.Equal(0.24 - 0.15, bin.FreeWidthLeft, 12);
    }

    [Fact]
    public void Flip_stands_a_flat_item_on_its_long_edge_and_frees_floor_width()
    {
        var bin = new SimBin(WorldTestData.TestBin);
        bin.Place(Book, new Box3(new Vec3(0.16, 0.0, 0), new Vec3(0.36, 0.15, 0.02)));
        var freed = bin.Flip();
        Assert.Equal(0.13, freed, 12);
        var box = bin[0].Box;
        Assert.Equal(new Vec3(0.20, 0.02, 0.15).X, box.Size.X, 12);
        Assert.Equal(0.02, box.Size.Y, 12);
        Assert.Equal(0.15, box.Size.Z, 12);
        Assert.Equal(0, box.Min.Y, 12);
        Assert.Equal(ItemPose.OnEdge, bin[0].Pose);
    }

    [Fact]
    public void Flip_does_nothing_when_the_only_flat_item_carries_a_load()
    {
        var bin = new SimBin(WorldTestData.TestBin);
        bin.Place(Book, new Box3(new Vec3(0.16, 0.0, 0), new Vec3(0.36, 0.15, 0.02)));
        bin.Place(Brick, new Box3(new Vec3(0.26, 0.0, 0.02), new Vec3(0.36, 0.08, 0.08)));
        Assert.Equal(0, bin.Flip());
        Assert.Equal(0.15, bin[0].Box.Size.Y, 12);
    }

    [Fact]
    public void Slot_puts_the_item_on_edge_into_the_gap_between_two_items()
    {
        var bin = new SimBin(WorldTestData.TestBin);
        bin.Place(Brick, new Box3(new Vec3(0.26, 0.0, 0), new Vec3(0.36, 0.08, 0.06)));
        bin.Place(Brick with { Id = new("b2") }, new Box3(new Vec3(0.26, 0.105, 0), new Vec3(0.36, 0.185, 0.06)));
        bin.Place(Brick with { Id = new("b3") }, new Box3(new Vec3(0.0, 0.0, 0), new Vec3(0.10, 0.08, 0.06)));
        var thin = WorldTestData.Make("thin", 0.20, 0.15, 0.02, 0.3, PackagingClass.Book);
        var plan = bin.PlanInsert(thin, ItemOrientation.LWH, 0.0, Primitive.Slot);
        Assert.True(plan.Fits);
        Assert.Equal(ItemOrientation.LHW, plan.Orientation);
        Assert.Equal(0.08, plan.Box.Min.Y, 12);
        Assert.Equal(0.36, plan.Box.Max.X, 12);
        Assert.Equal(0.005, plan.LateralClearance, 12);
        Assert.Equal(ItemPose.OnEdge, plan.Pose);
    }

    [Fact]
    public void Tall_thin_item_with_free_space_on_both_sides_leans()
    {
        var bin = new SimBin(WorldTestData.TestBin);
        var thin = WorldTestData.Make("thin", 0.20, 0.15, 0.02, 0.3, PackagingClass.Book);
        Assert.True(bin.Insert(thin, ItemOrientation.LHW, 0.10, Primitive.None));
        Assert.True(bin[0].IsLeaning);
        bin.Sweep(Primitive.SweepRight);
        Assert.False(bin[0].IsLeaning);
    }

    [Fact]
    public void Items_too_wide_or_too_tall_for_the_opening_do_not_enter()
    {
        var bin = new SimBin(WorldTestData.TestBin);
        var wide = WorldTestData.Make("wide", 0.30, 0.25, 0.05, 1, PackagingClass.Box);
        Assert.False(bin.PlanInsert(wide, ItemOrientation.WLH, 0, Primitive.None).Enters);
        Assert.False(bin.PlanInsert(wide, ItemOrientation.WHL, 0, Primitive.None).Enters);
    }

    [Fact]
    public void Placing_an_overlapping_or_outside_box_is_rejected()
    {
        var bin = new SimBin(WorldTestData.TestBin);
        bin.Place(Brick, new Box3(new Vec3(0.26, 0.0, 0), new Vec3(0.36, 0.08, 0.06)));
        Assert.Throws<ArgumentException>(() => bin.Place(Brick, new Box3(new Vec3(0.25, 0.05, 0), new Vec3(0.35, 0.13, 0.06))));
        Assert.Throws<ArgumentException>(() => bin.Place(Brick, new Box3(new Vec3(0.30, 0.1, 0), new Vec3(0.40, 0.18, 0.06))));
        Assert.Throws<ArgumentException>(() => bin.Place(Brick, new Box3(new Vec3(0.0, 0.1, 0), new Vec3(0.1, 0.2, 0.1))));
    }
}
