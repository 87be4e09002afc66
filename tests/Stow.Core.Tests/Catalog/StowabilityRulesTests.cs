using Stow.Core.Catalog;
using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;

namespace Stow.Core.Tests.Catalog;

public class StowabilityRulesTests
{
    // One bin: 0.30 wide, 0.20 high, 0.40 deep.
    private static readonly StowabilityRules OneBin = new(4.5, 0.01, [new BinSpec(new BinId(0, 0), 0.30, 0.20, 0.40, [0.1], 0.012, Vec3.Zero)]);

    [Theory]
    [InlineData(0.39, 0.29, 0.19, true)]
    [InlineData(0.391, 0.29, 0.19, false)]
    [InlineData(0.39, 0.291, 0.19, false)]
    [InlineData(0.10, 0.10, 0.195, true)]
    public void An_Item_Fits_When_Some_Orientation_Leaves_The_Clearance_On_Every_Axis(double a, double b, double c, bool fits) =>
        Assert.Equal(fits, OneBin.FitsSomeBin(new ItemDimensions(a, b, c)));

    [Fact]
    public void A_Tall_Item_Fits_When_Laid_Down_Along_The_Depth()
    {
        // 0.35 long: too tall for the 0.20 opening and too wide for 0.30, but it lies along the 0.40 depth.
        Assert.True(OneBin.FitsSomeBin(new ItemDimensions(0.05, 0.35, 0.05)));
        Assert.Null(OneBin.Check(new ItemDimensions(0.05, 0.35, 0.05), 1.0, out var detail));
        Assert.Empty(detail);
    }

    [Fact]
    public void Mass_Above_The_Payload_Is_Too_Heavy_Before_Size_Is_Checked()
    {
        Assert.Equal(SkipReason.TooHeavy, OneBin.Check(new ItemDimensions(1, 1, 1), 4.51, out var detail));
        Assert.Contains("4.5 kg", detail, StringComparison.Ordinal);
        Assert.Equal(SkipReason.NoBinFits, OneBin.Check(new ItemDimensions(1, 1, 1), 4.5, out _));
    }

    [Fact]
    public void Committed_Pod_Types_Give_The_Default_Eoat_Limits_And_Every_Bin()
    {
        var pods = PodTypeLoader.LoadFolder(Path.Combine(TestPaths.RepoRoot, "config", "pods"));
        var r = CatalogTestData.Rules;
        Assert.Equal(EoatLimits.MaxPayload, r.MaxPayload);
        Assert.Equal(EoatLimits.FitClearance, r.Clearance);
        var distinct = pods.Values.SelectMany(p => p.Bins).Select(b => (b.OpeningWidth, b.OpeningHeight, b.Depth)).Distinct().Count();
        Assert.Equal(distinct, r.Openings.Count);

        // The largest 24-wide bin (0.3267 x 0.355 x 0.40 m) takes a 0.31 x 0.34 x 0.38 m item; nothing takes 0.40 m on every side.
        Assert.True(r.FitsSomeBin(new ItemDimensions(0.31, 0.34, 0.38)));
        Assert.False(r.FitsSomeBin(new ItemDimensions(0.40, 0.40, 0.40)));
    }

    [Fact]
    public void Rules_Without_Bins_Are_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new StowabilityRules(4.5, 0.01, []));
}
