using Stow.Core.Catalog;
using Stow.Core.Items;

namespace Stow.Core.Tests.Catalog;

public class RealCatalogTests
{
    [Fact]
    public void Every_Olist_Row_Is_Counted_Once_As_Stowable_Or_Skipped()
    {
        var c = CatalogLoader.Load("olist", CatalogTestData.DataRoot, CatalogTestData.Rules);
        CatalogTestData.AssertAddsUp(c, CatalogTestData.OlistDataRows);
        Assert.True(c.Items.Count > CatalogTestData.OlistDataRows / 2, $"only {c.Items.Count} stowable");
        Assert.True(c.SkippedByReason.GetValueOrDefault(SkipReason.BlankField) > 0, "the real file has blank fields");
        Assert.True(c.SkippedByReason.GetValueOrDefault(SkipReason.NonPositiveWeight) > 0, "the real file has zero weights");
        Assert.Equal(c.Items.Count, c.Items.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public void Olist_Grams_And_Centimetres_Become_Kilograms_And_Metres()
    {
        var c = OlistCatalogLoader.Load(CatalogTestData.OlistCsv, CatalogTestData.Translation, CatalogTestData.Rules);

        // First data row: 1e9e8ef04dbcff4541ed26657ea517e5,perfumaria,225,16,10,14
        var i = c.Items.Single(x => x.Id.Value == "1e9e8ef04dbcff4541ed26657ea517e5");
        Assert.Equal(0.225, i.Mass, 12);
        Assert.Equal(0.16, i.Dimensions.Length, 12);
        Assert.Equal(0.14, i.Dimensions.Width, 12);
        Assert.Equal(0.10, i.Dimensions.Height, 12);
        Assert.Equal("perfumery", i.Category);
        Assert.Equal(PackagingClass.Box, i.Class); // 14 x 10 cross-section: a carton, not a bottle
        Assert.True(i.Fragile);
        Assert.Equal("olist", i.Source);
    }

    [Fact]
    public void Stowable_Olist_Items_Respect_The_Eoat_Payload_And_Fit_A_Bin()
    {
        var c = OlistCatalogLoader.Load(CatalogTestData.OlistCsv, CatalogTestData.Translation, CatalogTestData.Rules);
        Assert.All(c.Items, i =>
        {
            Assert.InRange(i.Mass, 1e-6, EoatLimits.MaxPayload);
            Assert.True(CatalogTestData.Rules.FitsSomeBin(i.Dimensions));
        });
        Assert.All(c.Skipped.Where(s => s.Reason == SkipReason.TooHeavy), s => Assert.Contains("kg", s.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public void Arc2017_Loads_All_40_Items_In_Si_Units_With_Their_Own_Type()
    {
        var c = CatalogLoader.Load("arc2017", CatalogTestData.DataRoot, CatalogTestData.Rules);
        CatalogTestData.AssertAddsUp(c, 40);
        Assert.DoesNotContain(c.Skipped, s => s.Reason.IsDefect());
        var binder = c.Items.Single(i => i.Id.Value == "avery_binder");
        Assert.Equal(PackagingClass.Book, binder.Class);
        Assert.Equal(0.36, binder.Mass, 12);
        Assert.Equal(0.294, binder.Dimensions.Length, 12);
        Assert.Equal(PackagingClass.Irregular, c.Items.Single(i => i.Id.Value == "fiskars_scissors").Class);
        Assert.Equal(PackagingClass.Deformable, c.Items.Single(i => i.Id.Value == "balloons").Class);
    }

    [Fact]
    public void Arc2017_Items_Longer_Than_Every_Bin_Are_Set_Aside_As_No_Bin_Fits()
    {
        var c = CatalogLoader.Load("arc2017", CatalogTestData.DataRoot, CatalogTestData.Rules);
        var skipped = c.Skipped.Single(s => s.Id == "toilet_brush"); // 0.403 m long, deepest bin 0.40 m
        Assert.Equal(SkipReason.NoBinFits, skipped.Reason);
    }

    [Fact]
    public void Mixed_Is_Arc2017_Plus_Olist()
    {
        var m = CatalogLoader.Load("mixed", CatalogTestData.DataRoot, CatalogTestData.Rules);
        var a = CatalogLoader.Load("arc2017", CatalogTestData.DataRoot, CatalogTestData.Rules);
        var o = CatalogLoader.Load("olist", CatalogTestData.DataRoot, CatalogTestData.Rules);
        CatalogTestData.AssertAddsUp(m, a.Rows + o.Rows);
        Assert.Equal(a.Items.Count + o.Items.Count, m.Items.Count);
        Assert.Contains(m.Items, i => i.Source == "arc2017");
        Assert.Contains(m.Items, i => i.Source == "olist");
    }

    [Fact]
    public void A_Held_Back_Olist_File_Without_Translation_Beside_It_Loads_Like_The_Real_One()
    {
        using var tmp = new TempFolder();
        var lines = File.ReadAllLines(CatalogTestData.OlistCsv);
        var path = tmp.Write("held_back.csv", string.Join('\n', lines.Take(1).Concat(lines.Skip(1).Where((_, k) => k % 7 == 0))) + "\n");
        var expectedRows = lines.Skip(1).Where((_, k) => k % 7 == 0).Count();

        var held = CatalogLoader.Load(path, CatalogTestData.DataRoot, CatalogTestData.Rules);
        var full = CatalogLoader.Load("olist", CatalogTestData.DataRoot, CatalogTestData.Rules);

        CatalogTestData.AssertAddsUp(held, expectedRows);
        Assert.Equal("held_back.csv", held.Name);
        var fullById = full.Items.ToDictionary(i => i.Id);
        Assert.All(held.Items, i => Assert.Equal(fullById[i.Id] with { Source = i.Source }, i));
    }

    [Fact]
    public void An_Olist_File_With_Reordered_Columns_Loads_The_Same_Items()
    {
        using var tmp = new TempFolder();
        var lines = File.ReadAllLines(CatalogTestData.OlistCsv).Take(200).Select(l =>
        {
            var f = l.Split(',');
            return string.Join(',', f[5], f[4], f[3], f[2], f[1], f[0]);
        });
        var path = tmp.Write("reordered.csv", string.Join('\n', lines));
        var c = CatalogLoader.Load(path, CatalogTestData.DataRoot, CatalogTestData.Rules);
        var straight = OlistCatalogLoader.Load(CatalogTestData.OlistCsv, CatalogTestData.Translation, CatalogTestData.Rules);
        CatalogTestData.AssertAddsUp(c, 199);
        Assert.Equal(straight.Items.Take(c.Items.Count).Select(i => i with { Source = "x" }), c.Items.Select(i => i with { Source = "x" }));
    }

    [Fact]
    public void A_Copy_Of_Items_Json_Given_As_A_Path_Loads_As_Arc2017()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("my_items.json", File.ReadAllText(CatalogTestData.ArcJson));
        var c = CatalogLoader.Load(path, CatalogTestData.DataRoot, CatalogTestData.Rules);
        CatalogTestData.AssertAddsUp(c, 40);
        Assert.Equal(CatalogFormat.Arc2017, CatalogLoader.Detect(path));
    }
}
