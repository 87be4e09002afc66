using Stow.Core.Catalog;

namespace Stow.Core.Tests.Catalog;

public class CatalogSummaryTests
{
    [Fact]
    public void Percentiles_Interpolate_Between_Closest_Ranks()
    {
        var p = Percentiles.Of(Enumerable.Range(1, 101).Select(i => (double)i))!;
        Assert.Equal(6, p.P5, 12);
        Assert.Equal(51, p.P50, 12);
        Assert.Equal(96, p.P95, 12);
        Assert.Equal(2.5, Percentiles.At([1, 2, 3, 4], 0.5), 12);
        Assert.Null(Percentiles.Of([]));
    }

    [Fact]
    public void The_Olist_Summary_Adds_Up_And_Lists_Every_Class()
    {
        var c = CatalogLoader.Load("olist", CatalogTestData.DataRoot, CatalogTestData.Rules);
        var s = CatalogSummary.Of(c);
        Assert.Equal(CatalogTestData.OlistDataRows, s.Rows);
        Assert.Equal(s.Rows, s.Stowable + s.Skipped.Values.Sum());
        Assert.Equal(s.Stowable, s.ClassMix.Values.Sum());
        Assert.Equal(7, s.ClassMix.Count);
        Assert.InRange(s.Defects, 1, s.Rows - s.Stowable);
        Assert.NotNull(s.Mass);
        Assert.InRange(s.Mass!.P95, s.Mass.P50, EoatLimits.MaxPayload);
        Assert.InRange(s.LongestEdge!.P50, 0.05, 0.5);
    }
}
