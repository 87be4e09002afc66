using Stow.Core.Catalog;
using Stow.Core.Items;

namespace Stow.Core.Tests.Catalog;

public class ArcDefectTests
{
    private static ItemCatalog LoadJson(string json)
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("items.json", json);
        return ArcCatalogLoader.Load(path, CatalogTestData.Rules);
    }

    private static SkipReason OnlyReason(string record)
    {
        var c = LoadJson("[" + record + "]");
        CatalogTestData.AssertAddsUp(c, 1);
        Assert.Empty(c.Items);
        return Assert.Single(c.Skipped).Reason;
    }

    [Fact]
    public void A_Good_Record_Becomes_One_Item_With_Its_Type_As_Class()
    {
        var c = LoadJson("""[{"name":"mug","dimensions":[0.1,0.12,0.09],"weight":0.3,"type":"cylinder"}]""");
        var i = Assert.Single(c.Items);
        Assert.Equal("mug", i.Id.Value);
        Assert.Equal(PackagingClass.Cylinder, i.Class);
        Assert.Equal(0.12, i.Dimensions.Length, 12);
        Assert.Equal(0.3, i.Mass, 12);
    }

    [Theory]
    [InlineData("""{"dimensions":[0.1,0.1,0.1],"weight":0.3,"type":"box"}""", SkipReason.BlankField)]
    [InlineData("""{"name":" ","dimensions":[0.1,0.1,0.1],"weight":0.3,"type":"box"}""", SkipReason.BlankField)]
    [InlineData("""{"name":"x","weight":0.3,"type":"box"}""", SkipReason.BlankField)]
    [InlineData("""{"name":"x","dimensions":[0.1,0.1,0.1],"type":"box"}""", SkipReason.BlankField)]
    [InlineData("""{"name":"x","dimensions":[0.1,0.1],"weight":0.3,"type":"box"}""", SkipReason.WrongFieldCount)]
    [InlineData("""{"name":"x","dimensions":"10x10x10","weight":0.3,"type":"box"}""", SkipReason.WrongFieldCount)]
    [InlineData("42", SkipReason.WrongFieldCount)]
    [InlineData("""{"name":"x","dimensions":[0.1,"a",0.1],"weight":0.3,"type":"box"}""", SkipReason.UnparseableNumber)]
    [InlineData("""{"name":"x","dimensions":[0.1,0.1,0.1],"weight":true,"type":"box"}""", SkipReason.UnparseableNumber)]
    [InlineData("""{"name":"x","dimensions":[0.1,0.1,0.1],"weight":0,"type":"box"}""", SkipReason.NonPositiveWeight)]
    [InlineData("""{"name":"x","dimensions":[0.1,0,0.1],"weight":0.3,"type":"box"}""", SkipReason.NonPositiveDimension)]
    [InlineData("""{"name":"x","dimensions":[0.1,0.1,-0.1],"weight":0.3,"type":"box"}""", SkipReason.NonPositiveDimension)]
    [InlineData("""{"name":"x","dimensions":[0.1,0.1,0.1],"weight":0.3}""", SkipReason.BlankCategory)]
    [InlineData("""{"name":"x","dimensions":[0.1,0.1,0.1],"weight":0.3,"type":"blob"}""", SkipReason.UnknownCategory)]
    [InlineData("""{"name":"x","dimensions":[0.1,0.1,0.1],"weight":5.0,"type":"box"}""", SkipReason.TooHeavy)]
    [InlineData("""{"name":"x","dimensions":[0.5,0.1,0.1],"weight":0.3,"type":"box"}""", SkipReason.NoBinFits)]
    public void Defective_Or_Unstowable_Records_Are_Counted_By_Reason(string record, SkipReason expected) =>
        Assert.Equal(expected, OnlyReason(record));

    [Fact]
    public void Numbers_Given_As_Strings_Are_Read()
    {
        var c = LoadJson("""[{"name":"x","dimensions":["0.1","0.2","0.05"],"weight":"0.3","type":"Box"}]""");
        Assert.Equal(PackagingClass.Box, Assert.Single(c.Items).Class);
    }

    [Fact]
    public void A_Repeated_Name_Is_A_Duplicate()
    {
        var rec = """{"name":"x","dimensions":[0.1,0.1,0.1],"weight":0.3,"type":"box"}""";
        var c = LoadJson("[" + rec + "," + rec + "]");
        CatalogTestData.AssertAddsUp(c, 2);
        Assert.Equal(SkipReason.DuplicateId, Assert.Single(c.Skipped).Reason);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"name":"x"}""")]
    public void A_File_That_Is_Not_A_Json_Array_Is_Refused_With_Its_Path(string json)
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("bad.json", json);
        var e = Assert.Throws<CatalogException>(() => ArcCatalogLoader.Load(path, CatalogTestData.Rules));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }
}
