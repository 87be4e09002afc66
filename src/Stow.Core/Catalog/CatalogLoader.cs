namespace Stow.Core.Catalog;

/// <summary>
/// Loads a catalogue by name or path, as the <c>--catalog</c> option gives it. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>arc2017</c>: <c>DATA/items/arc2017/items.json</c>.</item>
/// <item><c>olist</c>: <c>DATA/items/olist/olist_products.csv</c> with <c>category_translation.csv</c> beside it.</item>
/// <item><c>mixed</c>: both, in that order, as one catalogue (ids must not repeat across them).</item>
/// <item>anything else is a path to one file: <c>.json</c> or a file starting with <c>[</c> is read as ARC 2017;
/// a CSV whose header has <c>product_id</c> as Olist, with the translation file beside it if there is one, else
/// <c>DATA/items/olist/category_translation.csv</c>.</item>
/// </list>
/// </remarks>
public static class CatalogLoader
{
    /// <summary>Catalogue names accepted besides paths.</summary>
    public static IReadOnlyList<string> Names { get; } = ["arc2017", "olist", "mixed"];

    /// <summary>Loads the catalogue <paramref name="catalog"/> (see remarks).</summary>
    /// <param name="catalog"><c>arc2017</c>, <c>olist</c>, <c>mixed</c>, or a file path.</param>
    /// <param name="dataRoot">The data root, e.g. from <see cref="CatalogPaths.ResolveDataRoot"/>.</param>
    /// <param name="rules">Stowability rules, e.g. <see cref="StowabilityRules.ForPodFolder"/>.</param>
    /// <exception cref="CatalogException">A file is missing (the message names it and how to fix it), or a path is
    /// in neither format.</exception>
    public static ItemCatalog Load(string catalog, string dataRoot, StowabilityRules rules)
    {
        var arc = Path.Combine(dataRoot, "items", "arc2017", ArcCatalogLoader.ItemsFileName);
        var olist = Path.Combine(dataRoot, "items", "olist", OlistCatalogLoader.ProductsFileName);
        var translation = Path.Combine(dataRoot, "items", "olist", OlistCatalogLoader.TranslationFileName);
        var b = new CatalogBuilder(rules);
        switch (catalog.Trim().ToLowerInvariant())
        {
            case "arc2017":
                ArcCatalogLoader.Read(RequireData(arc, dataRoot), b, "arc2017");
                return b.Build("arc2017");
            case "olist":
                OlistCatalogLoader.Read(RequireData(olist, dataRoot), Translation(RequireData(translation, dataRoot)), b, "olist");
                return b.Build("olist");
            case "mixed":
                ArcCatalogLoader.Read(RequireData(arc, dataRoot), b, "arc2017");
                OlistCatalogLoader.Read(RequireData(olist, dataRoot), Translation(RequireData(translation, dataRoot)), b, "olist");
                return b.Build("mixed");
        }

        return LoadFile(catalog, translation, dataRoot, b);
    }

    /// <summary>
    /// Loads <paramref name="catalog"/> with the default data root (<see cref="CatalogPaths.ResolveDataRoot"/>) and
    /// the stowability rules of the repository's <c>config/pods</c> (<see cref="StowabilityRules.ForPodFolder"/>).
    /// </summary>
    /// <param name="catalog"><c>arc2017</c>, <c>olist</c>, <c>mixed</c>, or a file path.</param>
    /// <param name="dataRoot">Data root, or null for the default (<c>STOWCELL_DATA</c>, else <c>../shared/data</c>).</param>
    /// <exception cref="CatalogException">A file is missing or in neither format, or no repository root is found.</exception>
    /// <exception cref="Pods.PodConfigException">A pod type file is invalid.</exception>
    public static ItemCatalog LoadWithDefaults(string catalog, string? dataRoot = null) =>
        Load(catalog, CatalogPaths.ResolveDataRoot(dataRoot), StowabilityRules.ForPodFolder(CatalogPaths.DefaultPodFolder()));

    private static ItemCatalog LoadFile(string path, string defaultTranslation, string dataRoot, CatalogBuilder b)
    {
        if (!File.Exists(path))
        {
            throw new CatalogException(
                $"catalogue '{path}' is neither a file nor one of {string.Join(", ", Names)}; give an existing ARC 2017 JSON or Olist CSV file");
        }

        var name = Path.GetFileName(path);
        switch (Detect(path))
        {
            case CatalogFormat.Arc2017:
                ArcCatalogLoader.Read(path, b, name);
                break;
            case CatalogFormat.Olist:
                var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", OlistCatalogLoader.TranslationFileName);
                var t = File.Exists(beside) ? beside : RequireData(defaultTranslation, dataRoot);
                OlistCatalogLoader.Read(path, Translation(t), b, name);
                break;
            default:
                throw new CatalogException(
                    $"'{path}' is in neither catalogue format: expected an ARC 2017 JSON array (.json) or an Olist CSV whose header has product_id");
        }

        return b.Build(name);
    }

    /// <summary>Format of a catalogue file, by extension and first line.</summary>
    /// <exception cref="CatalogException">The file is missing.</exception>
    public static CatalogFormat Detect(string path)
    {
        if (!File.Exists(path))
        {
            throw new CatalogException($"catalogue file '{path}' not found");
        }

        string first;
        using (var r = new StreamReader(path))
        {
            first = r.ReadLine()?.Trim() ?? string.Empty;
        }

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || first.StartsWith('['))
        {
            return CatalogFormat.Arc2017;
        }

        return CsvLine.Split(first).Contains("product_id") ? CatalogFormat.Olist : CatalogFormat.Unknown;
    }

    private static IReadOnlyDictionary<string, string> Translation(string path) => OlistCatalogLoader.LoadTranslation(path);

    private static string RequireData(string file, string dataRoot)
    {
        if (!File.Exists(file))
        {
            throw new CatalogException(
                $"catalogue file '{file}' not found (data root '{dataRoot}'). Put the shared data there (see ../shared/data/README.md), " +
                $"or pass --data DIR or set {CatalogPaths.DataEnvironmentVariable} to the folder that holds items/.");
        }

        return file;
    }
}
