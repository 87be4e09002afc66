namespace Stow.Planning.Tests.Candidates;

using FsCheck.Xunit;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Space;
using Stow.Planning.Candidates;
using Stow.Planning.Risk;
using Stow.Planning.Tests.Support;

public class CandidateGeneratorTests
{
    [Property(MaxTest = 60)]
    public void Every_Candidate_Fits_The_Space_Its_Chain_Makes_With_Non_Negative_Clearance(int seed)
    {
        var rng = new Random(seed);
        var pod = Scenarios.Fabric40;
        var buffer = Scenarios.Buffer(rng, 1 + rng.Next(20));
        var estimate = Scenarios.Estimate(rng, pod);
        var generator = new CandidateGenerator();
        generator.Generate(buffer, estimate, pod, new PriorSuccessModel());
        foreach (var c in generator.Candidates)
        {
            var est = estimate.Bins[c.BinIndex];
            Assert.Equal(est.Bin, c.Bin);
            var space = ChainSpace.Of(est, c.Chain);
            Assert.True(Scenarios.Fits(buffer[c.ItemIndex], c.Orientation, space, generator.Fit, est.Confidence), $"{c}");
            Assert.True(c.Features.ClearanceWidth >= 0 && c.Features.ClearanceHeight >= 0 && c.Features.ClearanceDepth >= 0);
            Assert.True(OrientationRules.IsAllowed(buffer[c.ItemIndex].Class, c.Orientation));
        }
    }

    [Property(MaxTest = 60)]
    public void A_Chain_Never_Makes_More_Room_In_Any_Dimension_Than_The_Estimate_Reports(int seed)
    {
        var estimate = Scenarios.Estimate(new Random(seed), Scenarios.Fabric40);
        foreach (var est in estimate.Bins)
        {
            double maxW = 0, maxH = 0, maxD = 0;
            foreach (var s in est.Primitives)
            {
                maxW = Math.Max(maxW, s.Width);
                maxH = Math.Max(maxH, s.Height);
                maxD = Math.Max(maxD, s.Depth);
            }

            foreach (var chain in PrimitiveChain.All)
            {
                var space = ChainSpace.Of(est, chain);
                Assert.True(space.Width <= maxW + 1e-12 && space.Height <= maxH + 1e-12 && space.Depth <= maxD + 1e-12, $"{chain}");
                if (chain.IsTwoStep)
                {
                    var first = est.SpaceFor(chain.First);
                    var second = est.SpaceFor(chain.Second);
                    Assert.True(space.Height <= Math.Min(first.Height, second.Height) + 1e-12);
                    Assert.True(space.Depth <= Math.Min(first.Depth, second.Depth) + 1e-12);
                    Assert.True(space.Width <= Math.Max(first.Width, second.Width) + 1e-12);
                }
            }
        }
    }

    [Fact]
    public void An_Estimate_That_Overstates_The_Room_Is_Capped_By_The_Bin_Interior()
    {
        var pod = Scenarios.Fabric40;
        var spec = pod.Bins[0];
        var huge = new PrimitiveSpace(Primitive.None, 2, 2, 2);
        var est = new BinSpaceEstimate(spec.Id, 0, spec.Volume, huge, 1, [huge], [0.3f], 1, 1);
        var tooWide = new Item(new ItemId("wide"), "wide", new ItemDimensions(0.5, 0.45, 0.4), 2, PackagingClass.Box, false, "", "test");
        var generator = new CandidateGenerator();
        Assert.Equal(0, generator.Generate([tooWide], new PodSpaceEstimate(new PodId("P"), 0, [est]), pod, new PriorSuccessModel()));
    }

    [Fact]
    public void Cylinders_Are_Never_Stood_On_A_Small_Face()
    {
        var pod = Scenarios.Fabric40;
        var bottle = new Item(new ItemId("bottle"), "bottle", new ItemDimensions(0.2, 0.06, 0.06), 0.5, PackagingClass.Cylinder, false, "", "test");
        var generator = new CandidateGenerator();
        generator.Generate([bottle], Scenarios.EmptyPod(pod), pod, new PriorSuccessModel());
        Assert.True(generator.Candidates.Length > 0);
        foreach (var c in generator.Candidates)
        {
            Assert.NotEqual(ItemOrientation.WHL, c.Orientation);
            Assert.NotEqual(ItemOrientation.HWL, c.Orientation);
        }
    }

    [Fact]
    public void A_Book_May_Stand_On_Edge_When_Only_A_Narrow_Tall_Gap_Is_Free()
    {
        var pod = Scenarios.Fabric40;
        var spec = pod.Bins[0];
        var gap = new PrimitiveSpace(Primitive.None, 0.03, spec.OpeningHeight, spec.Depth);
        var est = new BinSpaceEstimate(spec.Id, 0, spec.Volume * 0.5, gap, 1, [gap], [0.3f], 1, 1);
        var book = new Item(new ItemId("book"), "book", new ItemDimensions(0.22, 0.15, 0.02), 0.4, PackagingClass.Book, false, "", "test");
        var generator = new CandidateGenerator();
        var n = generator.Generate([book], new PodSpaceEstimate(new PodId("P"), 0, [est]), pod, new PriorSuccessModel());
        Assert.Equal(1, n);
        var o = generator.Candidates[0].Orientation;
        Assert.True(o is ItemOrientation.LHW or ItemOrientation.WHL, o.ToString());
    }

    [Fact]
    public void An_Item_Larger_Than_Every_Space_Gets_No_Candidate()
    {
        var pod = Scenarios.Fabric40;
        var big = new Item(new ItemId("big"), "big", new ItemDimensions(0.5, 0.4, 0.4), 3, PackagingClass.Box, false, "", "test");
        var generator = new CandidateGenerator();
        Assert.Equal(0, generator.Generate([big], Scenarios.EmptyPod(pod), pod, new PriorSuccessModel()));
    }

    [Fact]
    public void Every_Chain_Has_A_Distinct_Index_Matching_Its_Position()
    {
        for (var i = 0; i < PrimitiveChain.Count; i++)
        {
            Assert.Equal(i, PrimitiveChain.All[i].Index);
            Assert.Equal(PrimitiveChain.All[i], PrimitiveChain.FromIndex(i));
        }

        Assert.Equal(-1, new PrimitiveChain(Primitive.Flip, Primitive.Flip).Index);
        Assert.Equal("SweepLeft→Slot", PrimitiveChain.All[6].ToString());
    }
}
