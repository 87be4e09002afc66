namespace Stow.Core.Catalog;

using System.Globalization;
using Stow.Core.Items;

/// <summary>
/// Loads the Olist product table (<c>items/olist/olist_products.csv</c>, or a held-back file of the same format).
/// Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Columns are found by header name (order free): <c>product_id</c>, <c>product_category_name</c> (Portuguese),
/// <c>product_weight_g</c> [g], <c>product_length_cm</c>, <c>product_height_cm</c>, <c>product_width_cm</c> [cm];
/// other columns are ignored. Weight and edges are converted to kg and m here. The Portuguese category is translated
/// through <c>category_translation.csv</c> (<c>product_category_name,product_category_name_english</c>). Every data
/// line (each line after the header) is counted as one row and ends as one item or one <see cref="SkippedRow"/>.
/// </remarks>
public static class OlistCatalogLoader
{
    /// <summary>File name of the product table in the data root's <c>items/olist</c> folder.</summary>
    public const string ProductsFileName = "olist_products.csv";

    /// <summary>File name of the category translation table.</summary>
    public const string TranslationFileName = "category_translation.csv";

    private static readonly string[] Required =
    [
        "product_id", "product_category_name", "product_weight_g", "product_length_cm", "product_height_cm", "product_width_cm",
    ];

    /// <summary>Loads one product file.</summary>
    /// <param name="csvPath">The product CSV.</param>
    /// <param name="translationPath">The category translation CSV.</param>
    /// <param name="rules">Stowability rules (EOAT payload, bins).</param>
    /// <param name="name">Catalogue and item source name; default <c>olist</c>.</param>
    /// <exception cref="CatalogException">A file is missing or a header lacks a required column.</exception>
    public static ItemCatalog Load(string csvPath, string translationPath, StowabilityRules rules, string name = "olist")
    {
        var b = new CatalogBuilder(rules);
        Read(csvPath, LoadTranslation(translationPath), b, name);
        return b.Build(name);
    }

    /// <summary>Reads the Portuguese → English category table; blank or short lines are ignored.</summary>
    /// <exception cref="CatalogException">Missing file or header.</exception>
    public static IReadOnlyDictionary<string, string> LoadTranslation(string path)
    {
        var lines = ReadLines(path);
        var header = lines.Length == 0 ? [] : CsvLine.Split(lines[0]);
        var pt = header.IndexOf("product_category_name");
        var en = header.IndexOf("product_category_name_english");
        if (pt < 0 || en < 0)
        {
            throw new CatalogException($"category translation file '{path}' needs the columns product_category_name,product_category_name_english");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var f = CsvLine.Split(line);
            if (f.Count > Math.Max(pt, en) && f[pt].Length > 0 && f[en].Length > 0)
            {
                map.TryAdd(f[pt], f[en]);
            }
        }

        return map;
    }

    /// <summary>Reads the rows of one product file into <paramref name="b"/>.</summary>
    internal static void Read(string csvPath, IReadOnlyDictionary<string, string> translation, CatalogBuilder b, string source)
    {
        var lines = ReadLines(csvPath);
        var header = lines.Length == 0 ? [] : CsvLine.Split(lines[0]);
        var col = new int[Required.Length];
        for (var i = 0; i < Required.Length; i++)
        {
            col[i] = header.IndexOf(Required[i]);
            if (col[i] < 0)
            {
                throw new CatalogException($"'{csvPath}' is not an Olist product file: its header lacks the column '{Required[i]}' (expected {string.Join(',', Required)})");
            }
        }

        for (var n = 1; n < lines.Length; n++)
        {
            ReadRow(lines[n], n + 1, header.Count, col, translation, b, source);
        }
    }

    private static void ReadRow(
        string text, int line, int columns, int[] col, IReadOnlyDictionary<string, string> translation, CatalogBuilder b, string source)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            b.Skip(source, line, string.Empty, SkipReason.EmptyLine, "empty line");
            return;
        }

        var f = CsvLine.Split(text);
        if (f.Count != columns)
        {
            b.Skip(source, line, f[0], SkipReason.WrongFieldCount, $"{f.Count} fields, header has {columns}");
            return;
        }

        var id = f[col[0]];
        if (id.Length == 0)
        {
            b.Skip(source, line, id, SkipReason.BlankField, "product_id is blank");
            return;
        }

        Span<double> v = stackalloc double[4];
        for (var i = 0; i < 4; i++)
        {
            var s = f[col[2 + i]];
            if (s.Length == 0)
            {
                b.Skip(source, line, id, SkipReason.BlankField, $"{Required[2 + i]} is blank");
                return;
            }

            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) || !double.IsFinite(v[i]))
            {
                b.Skip(source, line, id, SkipReason.UnparseableNumber, $"{Required[2 + i]} = '{s}' is not a number");
                return;
            }
        }

        if (v[0] <= 0)
        {
            b.Skip(source, line, id, SkipReason.NonPositiveWeight, $"product_weight_g = {f[col[2]]}");
            return;
        }

        for (var i = 1; i < 4; i++)
        {
            if (v[i] <= 0)
            {
                b.Skip(source, line, id, SkipReason.NonPositiveDimension, $"{Required[2 + i]} = {f[col[2 + i]]}");
                return;
            }
        }

        var pt = f[col[1]];
        if (pt.Length == 0)
        {
            b.Skip(source, line, id, SkipReason.BlankCategory, "product_category_name is blank");
            return;
        }

        if (!translation.TryGetValue(pt, out var en))
        {
            b.Skip(source, line, id, SkipReason.UnknownCategory, $"category '{pt}' has no English translation");
            return;
        }

        // Olist gives grams and centimetres; SI from here on.
        var dims = new ItemDimensions(v[1] / 100.0, v[2] / 100.0, v[3] / 100.0);
        var mass = v[0] / 1000.0;
        b.Add(source, line, id, en, dims, mass, PackagingRules.ClassifyOlist(en, dims), PackagingRules.IsOlistFragile(en), en);
    }

    private static string[] ReadLines(string path)
    {
        if (!File.Exists(path))
        {
            throw new CatalogException($"catalogue file '{path}' not found");
        }

        return File.ReadAllLines(path);
    }
}
