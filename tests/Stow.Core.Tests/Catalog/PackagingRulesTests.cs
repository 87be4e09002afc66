using Stow.Core.Catalog;
using Stow.Core.Items;

namespace Stow.Core.Tests.Catalog;

public class PackagingRulesTests
{
    private static ItemDimensions Cm(double a, double b, double c) => new(a / 100, b / 100, c / 100);

    [Theory]
    [InlineData("box", PackagingClass.Box)]
    [InlineData("book", PackagingClass.Book)]
    [InlineData("cylinder", PackagingClass.Cylinder)]
    [InlineData("deformable", PackagingClass.Deformable)]
    [InlineData("wrapped", PackagingClass.Wrapped)]
    [InlineData("clamshell", PackagingClass.Clamshell)]
    [InlineData("other", PackagingClass.Irregular)]
    [InlineData(" Other ", PackagingClass.Irregular)]
    public void Arc_Types_Map_To_Their_Class(string type, PackagingClass expected) => Assert.Equal(expected, PackagingRules.ClassifyArc(type));

    [Fact]
    public void An_Unknown_Arc_Type_Has_No_Class() => Assert.Null(PackagingRules.ClassifyArc("sphere"));

    [Theory]
    [InlineData("books_general_interest", 20, 14, 3, PackagingClass.Book)]
    [InlineData("books_technical", 30, 25, 8, PackagingClass.Book)]
    [InlineData("fashion_male_clothing", 30, 20, 5, PackagingClass.Deformable)]
    [InlineData("bed_bath_table", 40, 30, 10, PackagingClass.Deformable)]
    [InlineData("perfumery", 20, 6, 6, PackagingClass.Cylinder)]
    [InlineData("drinks", 30, 8, 7, PackagingClass.Cylinder)]
    [InlineData("perfumery", 16, 14, 10, PackagingClass.Box)]
    [InlineData("health_beauty", 12, 12, 11, PackagingClass.Box)]
    [InlineData("diapers_and_hygiene", 40, 30, 20, PackagingClass.Wrapped)]
    [InlineData("telephony", 16, 11, 5, PackagingClass.Clamshell)]
    [InlineData("furniture_decor", 30, 20, 20, PackagingClass.Irregular)]
    [InlineData("toys", 30, 20, 15, PackagingClass.Box)]
    [InlineData("toys", 30, 20, 2, PackagingClass.Book)]
    [InlineData("telephony", 20, 15, 2, PackagingClass.Book)]
    [InlineData("fashion_female_clothing", 30, 20, 2, PackagingClass.Deformable)]
    [InlineData("a_category_not_in_the_table", 30, 20, 15, PackagingClass.Box)]
    public void Olist_Class_Follows_Category_Then_Geometry(string category, double a, double b, double c, PackagingClass expected) =>
        Assert.Equal(expected, PackagingRules.ClassifyOlist(category, Cm(a, b, c)));

    [Theory]
    [InlineData(4.9, 30, 25, true)]
    [InlineData(5.1, 30, 26, false)]
    [InlineData(4, 18, 20, false)]
    [InlineData(2, 10, 10, true)]
    public void Thin_Flat_Means_At_Most_5_Cm_And_One_Fifth_Of_The_Middle_Edge(double h, double w, double l, bool expected) =>
        Assert.Equal(expected, PackagingRules.IsThinFlat(Cm(l, w, h)));

    [Theory]
    [InlineData("perfumery", true)]
    [InlineData("housewares", true)]
    [InlineData("electronics", true)]
    [InlineData("construction_tools_lights", true)]
    [InlineData("bed_bath_table", false)]
    [InlineData("books_technical", false)]
    [InlineData("sports_leisure", false)]
    public void Olist_Fragile_Flag_Follows_The_Category(string category, bool expected) =>
        Assert.Equal(expected, PackagingRules.IsOlistFragile(category));

    [Theory]
    [InlineData("plastic_wine_glass", true)]
    [InlineData("robots_dvd", true)]
    [InlineData("avery_binder", false)]
    [InlineData("hand_weight", false)]
    public void Arc_Fragile_Flag_Follows_The_Name(string name, bool expected) => Assert.Equal(expected, PackagingRules.IsArcFragile(name));

    [Fact]
    public void Every_Translated_Olist_Category_Has_An_Explicit_Class()
    {
        var translation = OlistCatalogLoader.LoadTranslation(CatalogTestData.Translation);
        Assert.Equal(73, translation.Count); // data/README.md says 74: it counts the header line
        Assert.All(translation.Values, en => Assert.True(PackagingRules.OlistCategoryClasses.ContainsKey(en), en + " has no class"));
        Assert.All(PackagingRules.OlistFragileCategories, en => Assert.Contains(en, translation.Values));
        Assert.All(PackagingRules.OlistCylinderCategories, en => Assert.Contains(en, translation.Values));
    }
}
