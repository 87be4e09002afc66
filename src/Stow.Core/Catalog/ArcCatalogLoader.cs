namespace Stow.Core.Catalog;

using System.Globalization;
using System.Text.Json;
using Stow.Core.Items;

/// <summary>
/// Loads the ARC 2017 item set (<c>items/arc2017/items.json</c>, or any file of the same format). Stateless and
/// thread-safe.
/// </summary>
/// <remarks>
/// The file is a JSON array of objects <c>{ "name", "dimensions": [3 edges, m], "weight": kg, "type", ... }</c>; the
/// units are SI already. Each array element is one row; a defective element is counted and skipped, never thrown.
/// The item id is the ARC name; the class comes from <c>type</c> via <see cref="PackagingRules.ClassifyArc"/>.
/// </remarks>
public static class ArcCatalogLoader
{
    /// <summary>File name of the item set in the data root's <c>items/arc2017</c> folder.</summary>
    public const string ItemsFileName = "items.json";

    /// <summary>Loads one ARC item file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <param name="rules">Stowability rules (EOAT payload, bins).</param>
    /// <param name="name">Catalogue and item source name; default <c>arc2017</c>.</param>
    /// <exception cref="CatalogException">The file is missing, is not JSON, or is not a JSON array.</exception>
    public static ItemCatalog Load(string path, StowabilityRules rules, string name = "arc2017")
    {
        var b = new CatalogBuilder(rules);
        Read(path, b, name);
        return b.Build(name);
    }

    /// <summary>Reads the records of one ARC file into <paramref name="b"/>.</summary>
    internal static void Read(string path, CatalogBuilder b, string source)
    {
        if (!File.Exists(path))
        {
            throw new CatalogException($"catalogue file '{path}' not found");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new CatalogException($"'{path}' is not valid JSON: {e.Message}", e);
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new CatalogException($"'{path}' is not an ARC 2017 item file: the top level must be a JSON array of items");
            }

            var index = 0;
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                ReadRecord(e, ++index, b, source);
            }
        }
    }

    private static void ReadRecord(JsonElement e, int index, CatalogBuilder b, string source)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            b.Skip(source, index, string.Empty, SkipReason.WrongFieldCount, $"record is a JSON {e.ValueKind}, not an object");
            return;
        }

        var name = Text(e, "name");
        if (name.Length == 0)
        {
            b.Skip(source, index, name, SkipReason.BlankField, "name is missing or blank");
            return;
        }

        if (!e.TryGetProperty("dimensions", out var dimsEl) || dimsEl.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            b.Skip(source, index, name, SkipReason.BlankField, "dimensions is missing");
            return;
        }

        if (dimsEl.ValueKind != JsonValueKind.Array || dimsEl.GetArrayLength() != 3)
        {
            b.Skip(source, index, name, SkipReason.WrongFieldCount, "dimensions must be an array of three edges");
            return;
        }

        if (!e.TryGetProperty("weight", out var weightEl) || weightEl.ValueKind is JsonValueKind.Null)
        {
            b.Skip(source, index, name, SkipReason.BlankField, "weight is missing");
            return;
        }

        Span<double> v = stackalloc double[4];
        var k = 0;
        foreach (var el in dimsEl.EnumerateArray().Append(weightEl))
        {
            if (!TryNumber(el, out v[k]))
            {
                b.Skip(source, index, name, SkipReason.UnparseableNumber, $"{(k < 3 ? "dimensions" : "weight")} value {el.GetRawText()} is not a number");
                return;
            }

            k++;
        }

        if (v[3] <= 0)
        {
            b.Skip(source, index, name, SkipReason.NonPositiveWeight, $"weight = {v[3].ToString(CultureInfo.InvariantCulture)}");
            return;
        }

        if (v[0] <= 0 || v[1] <= 0 || v[2] <= 0)
        {
            b.Skip(source, index, name, SkipReason.NonPositiveDimension, $"dimensions = {dimsEl.GetRawText()}");
            return;
        }

        var type = Text(e, "type");
        if (type.Length == 0)
        {
            b.Skip(source, index, name, SkipReason.BlankCategory, "type is missing or blank");
            return;
        }

        if (PackagingRules.ClassifyArc(type) is not { } cls)
        {
            b.Skip(source, index, name, SkipReason.UnknownCategory, $"type '{type}' is not a known packaging class");
            return;
        }

        var dims = new ItemDimensions(v[0], v[1], v[2]);
        b.Add(source, index, name, name, dims, v[3], cls, PackagingRules.IsArcFragile(name), string.Empty);
    }

    private static string Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String ? (p.GetString() ?? string.Empty).Trim() : string.Empty;

    private static bool TryNumber(JsonElement el, out double value)
    {
        value = 0;
        var ok = el.ValueKind switch
        {
            JsonValueKind.Number => el.TryGetDouble(out value),
            JsonValueKind.String => double.TryParse(el.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
        return ok && double.IsFinite(value);
    }
}
