using Stow.Core.Catalog;

namespace Stow.Core.Tests.Catalog;

public class CatalogPathsTests
{
    [Fact]
    public void The_Default_Data_Root_Is_Shared_Data_Beside_The_Repository()
    {
        var expected = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "data"));
        if (Environment.GetEnvironmentVariable(CatalogPaths.DataEnvironmentVariable) is { Length: > 0 })
        {
            return; // the environment overrides the default on this machine
        }

        Assert.Equal(expected, CatalogPaths.ResolveDataRoot());
        Assert.Equal(TestPaths.RepoRoot, CatalogPaths.FindRepoRoot());
    }

    [Fact]
    public void An_Explicit_Data_Root_Wins()
    {
        Assert.Equal(Path.GetFullPath("/some/where"), CatalogPaths.ResolveDataRoot("/some/where"));
    }

    [Fact]
    public void A_Missing_Catalogue_File_Is_Named_With_The_Fix()
    {
        using var tmp = new TempFolder();
        var e = Assert.Throws<CatalogException>(() => CatalogLoader.Load("olist", tmp.Path, CatalogTestData.Rules));
        Assert.Contains(Path.Combine(tmp.Path, "items", "olist", "olist_products.csv"), e.Message, StringComparison.Ordinal);
        Assert.Contains("--data", e.Message, StringComparison.Ordinal);
        Assert.Contains(CatalogPaths.DataEnvironmentVariable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Path_That_Does_Not_Exist_Is_Refused_With_Its_Name()
    {
        var e = Assert.Throws<CatalogException>(() => CatalogLoader.Load("/nonexistent/products.csv", CatalogTestData.DataRoot, CatalogTestData.Rules));
        Assert.Contains("/nonexistent/products.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_File_In_Neither_Format_Is_Refused()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("notes.csv", "a,b,c\n1,2,3\n");
        Assert.Equal(CatalogFormat.Unknown, CatalogLoader.Detect(path));
        var e = Assert.Throws<CatalogException>(() => CatalogLoader.Load(path, CatalogTestData.DataRoot, CatalogTestData.Rules));
        Assert.Contains("neither catalogue format", e.Message, StringComparison.Ordinal);
    }
}
