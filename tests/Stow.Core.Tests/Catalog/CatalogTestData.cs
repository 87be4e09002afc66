using Stow.Core.Catalog;

namespace Stow.Core.Tests.Catalog;

/// <summary>Paths and rules shared by the catalogue tests: the real data root and the committed pod types.</summary>
internal static class CatalogTestData
{
    public const int OlistDataRows = 26292;

    public static string DataRoot { get; } = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "data"));

    public static string OlistDir => Path.Combine(DataRoot, "items", "olist");

    public static string OlistCsv => Path.Combine(OlistDir, OlistCatalogLoader.ProductsFileName);

    public static string Translation => Path.Combine(OlistDir, OlistCatalogLoader.TranslationFileName);

    public static string ArcJson => Path.Combine(DataRoot, "items", "arc2017", ArcCatalogLoader.ItemsFileName);

    public static StowabilityRules Rules { get; } = StowabilityRules.ForPodFolder(Path.Combine(TestPaths.RepoRoot, "config", "pods"));

    public static void AssertAddsUp(ItemCatalog c, int expectedRows)
    {
        Assert.Equal(expectedRows, c.Rows);
        Assert.Equal(c.Rows, c.Items.Count + c.SkippedByReason.Values.Sum());
        Assert.Equal(c.Skipped.Count, c.SkippedByReason.Values.Sum());
    }
}
