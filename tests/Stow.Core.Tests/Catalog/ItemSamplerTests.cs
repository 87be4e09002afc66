using Stow.Core.Catalog;

namespace Stow.Core.Tests.Catalog;

public class ItemSamplerTests
{
    private static readonly ItemCatalog Arc = CatalogLoader.Load("arc2017", CatalogTestData.DataRoot, CatalogTestData.Rules);

    [Fact]
    public void The_Same_Seed_Draws_The_Same_Items()
    {
        var a = ItemSampler.Draw(Arc, 200, seed: 7);
        var b = ItemSampler.Draw(Arc, 200, seed: 7);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Different_Seeds_Draw_Different_Sequences()
    {
        var a = ItemSampler.Draw(Arc, 50, seed: 1).Select(i => i.Id);
        var b = ItemSampler.Draw(Arc, 50, seed: 2).Select(i => i.Id);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Draws_From_Olist_With_Defaults_Repeat_For_A_Seed()
    {
        var olist = CatalogLoader.LoadWithDefaults("olist", CatalogTestData.DataRoot);
        var a = ItemSampler.Draw(olist, 1000, seed: 42).Select(i => i.Id);
        var b = ItemSampler.Draw(olist, 1000, seed: 42).Select(i => i.Id);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Unit_Ids_Are_Unique_Within_A_Draw_And_Name_Their_Product()
    {
        var units = ItemSampler.Draw(Arc, 500, seed: 3); // more units than products: repeats are certain
        Assert.Equal(units.Count, units.Select(u => u.Id).Distinct().Count());
        var products = Arc.Items.ToDictionary(i => i.Id.Value);
        Assert.All(units, u =>
        {
            var product = u.Id.Value[..u.Id.Value.LastIndexOf('#')];
            Assert.Equal(products[product] with { Id = u.Id }, u);
        });
    }

    [Fact]
    public void Drawing_Zero_Units_Gives_None_And_An_Empty_Catalogue_Cannot_Be_Drawn_From()
    {
        Assert.Empty(ItemSampler.Draw([], 0, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ItemSampler.Draw([], 1, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ItemSampler.Draw(Arc, -1, seed: 1));
    }
}
