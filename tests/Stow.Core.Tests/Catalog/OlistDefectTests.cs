using Stow.Core.Catalog;
using Stow.Core.Items;

namespace Stow.Core.Tests.Catalog;

public class OlistDefectTests
{
    private const string Header = "product_id,product_category_name,product_weight_g,product_length_cm,product_height_cm,product_width_cm";
    private const string Translation = "product_category_name,product_category_name_english\nperfumaria,perfumery\nlivros_tecnicos,books_technical\ncama_mesa_banho,bed_bath_table\n";

    private static ItemCatalog LoadRows(params string[] rows)
    {
        using var tmp = new TempFolder();
        tmp.Write("category_translation.csv", Translation);
        var body = rows.Length == 0 ? string.Empty : string.Join("\n", rows) + "\n";
        var csv = tmp.Write("products.csv", Header + "\n" + body);
        return CatalogLoader.Load(csv, CatalogTestData.DataRoot, CatalogTestData.Rules);
    }

    private static SkipReason OnlyReason(string row)
    {
        var c = LoadRows(row);
        CatalogTestData.AssertAddsUp(c, 1);
        Assert.Empty(c.Items);
        return Assert.Single(c.Skipped).Reason;
    }

    [Fact]
    public void A_Good_Row_Becomes_One_Item()
    {
        var c = LoadRows("p1,livros_tecnicos,500,23,2,16");
        var i = Assert.Single(c.Items);
        Assert.Equal("p1", i.Id.Value);
        Assert.Equal(PackagingClass.Book, i.Class);
        Assert.Equal("books_technical", i.Category);
        Assert.Equal("products.csv", i.Source);
    }

    [Theory]
    [InlineData("p1,perfumaria,,16,10,14")]
    [InlineData("p1,perfumaria,225,,10,14")]
    [InlineData("p1,perfumaria,225,16,10,")]
    [InlineData(",perfumaria,225,16,10,14")]
    public void Rows_With_A_Blank_Field_Are_Counted_As_Blank_Field(string row) => Assert.Equal(SkipReason.BlankField, OnlyReason(row));

    [Theory]
    [InlineData("p1,perfumaria,abc,16,10,14")]
    [InlineData("p1,perfumaria,225,16cm,10,14")]
    [InlineData("p1,perfumaria,225,16,NaN,14")]
    [InlineData("p1,perfumaria,225,16,10,Infinity")]
    [InlineData("p1,perfumaria,2 25,16,10,14")]
    public void Rows_With_An_Unparseable_Number_Are_Counted_As_Such(string row) => Assert.Equal(SkipReason.UnparseableNumber, OnlyReason(row));

    [Theory]
    [InlineData("p1,perfumaria,0,16,10,14")]
    [InlineData("p1,perfumaria,-5,16,10,14")]
    public void Rows_With_Zero_Or_Negative_Weight_Are_Counted_As_Defects(string row) => Assert.Equal(SkipReason.NonPositiveWeight, OnlyReason(row));

    [Theory]
    [InlineData("p1,perfumaria,225,0,10,14")]
    [InlineData("p1,perfumaria,225,16,-1,14")]
    [InlineData("p1,perfumaria,225,16,10,0")]
    public void Rows_With_Zero_Or_Negative_Dimensions_Are_Counted_As_Defects(string row) => Assert.Equal(SkipReason.NonPositiveDimension, OnlyReason(row));

    [Theory]
    [InlineData("p1,perfumaria,225,16,10")]
    [InlineData("p1,perfumaria,225,16,10,14,99")]
    [InlineData("p1")]
    public void Rows_With_The_Wrong_Column_Count_Are_Counted_As_Such(string row) => Assert.Equal(SkipReason.WrongFieldCount, OnlyReason(row));

    [Fact]
    public void Rows_With_A_Blank_Category_Are_Counted_As_Blank_Category() =>
        Assert.Equal(SkipReason.BlankCategory, OnlyReason("p1,,225,16,10,14"));

    [Theory]
    [InlineData("p1,categoria_nova,225,16,10,14")]
    [InlineData("p1,\"perfumaria,extra\",225,16,10,14")]
    public void Rows_With_A_Category_Missing_From_The_Translation_Are_Unknown_Category(string row) =>
        Assert.Equal(SkipReason.UnknownCategory, OnlyReason(row));

    [Fact]
    public void Items_Heavier_Than_The_Eoat_Payload_Are_Too_Heavy() =>
        Assert.Equal(SkipReason.TooHeavy, OnlyReason("p1,perfumaria,4501,16,10,14"));

    [Fact]
    public void Items_At_The_Eoat_Payload_Are_Stowable() =>
        Assert.Single(LoadRows("p1,perfumaria,4500,16,10,14").Items);

    [Fact]
    public void Items_Larger_Than_Every_Bin_Opening_Are_No_Bin_Fits() =>
        Assert.Equal(SkipReason.NoBinFits, OnlyReason("p1,cama_mesa_banho,800,60,40,5"));

    [Fact]
    public void A_Repeated_Product_Id_Is_Counted_As_Duplicate_And_The_First_Row_Is_Kept()
    {
        var c = LoadRows("p1,perfumaria,225,16,10,14", "p1,perfumaria,300,16,10,14");
        CatalogTestData.AssertAddsUp(c, 2);
        Assert.Equal(0.225, Assert.Single(c.Items).Mass, 12);
        Assert.Equal(SkipReason.DuplicateId, Assert.Single(c.Skipped).Reason);
    }

    [Fact]
    public void A_File_With_Every_Kind_Of_Defect_Adds_Up_Row_For_Row()
    {
        var rows = new[]
        {
            "a,perfumaria,225,16,10,14",
            "b,perfumaria,,16,10,14",
            "c,perfumaria,x,16,10,14",
            "d,perfumaria,0,16,10,14",
            "e,perfumaria,225,0,10,14",
            "f,perfumaria,225,16,10",
            "g,,225,16,10,14",
            "h,desconhecida,225,16,10,14",
            "a,perfumaria,225,16,10,14",
            "i,perfumaria,9000,16,10,14",
            "j,perfumaria,225,90,80,70",
            string.Empty,
            "k,\"livros_tecnicos\",300,21,3,14",
        };
        var c = LoadRows(rows);
        CatalogTestData.AssertAddsUp(c, rows.Length);
        Assert.Equal(["a", "k"], c.Items.Select(i => i.Id.Value));
        foreach (var r in Enum.GetValues<SkipReason>())
        {
            Assert.Equal(1, c.SkippedByReason.GetValueOrDefault(r));
        }

        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], c.Skipped.Select(s => s.Line - 1).Order());
    }

    [Fact]
    public void A_Translation_File_Beside_The_Csv_Is_Used_Instead_Of_The_Default()
    {
        // "perfumaria" is in the default translation, but not in this folder's own file.
        using var tmp = new TempFolder();
        tmp.Write("category_translation.csv", "product_category_name,product_category_name_english\nlivros_tecnicos,books_technical\n");
        var csv = tmp.Write("p.csv", Header + "\np1,perfumaria,225,16,10,14\np2,livros_tecnicos,300,21,3,14\n");
        var c = CatalogLoader.Load(csv, CatalogTestData.DataRoot, CatalogTestData.Rules);
        Assert.Equal("p2", Assert.Single(c.Items).Id.Value);
        Assert.Equal(SkipReason.UnknownCategory, Assert.Single(c.Skipped).Reason);
    }

    [Fact]
    public void A_Header_Without_A_Required_Column_Is_Refused_With_Its_Name()
    {
        using var tmp = new TempFolder();
        var csv = tmp.Write("p.csv", "product_id,product_category_name,product_weight_g,product_length_cm,product_height_cm\np1,perfumaria,225,16,10\n");
        var e = Assert.Throws<CatalogException>(() => OlistCatalogLoader.Load(csv, CatalogTestData.Translation, CatalogTestData.Rules));
        Assert.Contains("product_width_cm", e.Message, StringComparison.Ordinal);
        Assert.Contains(csv, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Header_Only_File_Has_No_Rows()
    {
        var c = LoadRows();
        Assert.Equal(0, c.Rows);
    }
}
