namespace Stow.Core.Pods;

using System.Globalization;
using System.Text.Json;
using Stow.Core.Geometry;
using Stow.Core.Ids;

/// <summary>
/// Reads pod type files (<c>config/pods/*.json</c>, all lengths in metres) and validates them.
/// Stateless and thread-safe.
/// </summary>
/// <remarks>
/// File shape: <c>{ "name", "faceWidth", "baseHeight", "wallThickness", "bandWidth",
/// "rows": [ { "height", "columns", "depth", "bands": [heights above floor] } ] }</c>, rows listed
/// from the floor up. Each row's opening width is
/// (faceWidth − (columns + 1)·wallThickness) / columns; opening height is height − wallThickness.
/// </remarks>
public static class PodTypeLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads and validates one pod type file.</summary>
    /// <exception cref="PodConfigException">Missing file, bad JSON, or a field out of range (named in the message).</exception>
    public static PodType Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new PodConfigException($"pod type file '{path}' does not exist");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates pod type JSON; <paramref name="origin"/> names the source in errors.</summary>
    /// <exception cref="PodConfigException">Bad JSON or a field out of range.</exception>
    public static PodType Parse(string json, string origin)
    {
        PodTypeDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<PodTypeDto>(json, Options);
        }
        catch (JsonException e)
        {
            throw new PodConfigException($"{origin}: not valid pod type JSON: {e.Message}", e);
        }

        if (dto is null)
        {
            throw new PodConfigException($"{origin}: empty pod type");
        }

        Require(!string.IsNullOrWhiteSpace(dto.Name), origin, "name", "must be set");
        Require(dto.FaceWidth is > 0.2 and < 3, origin, "faceWidth", $"= {dto.FaceWidth} m, expected 0.2..3 m");
        Require(dto.WallThickness is >= 0 and < 0.05, origin, "wallThickness", $"= {dto.WallThickness} m, expected 0..0.05 m");
        Require(dto.BandWidth is > 0 and < 0.1, origin, "bandWidth", $"= {dto.BandWidth} m, expected (0, 0.1) m");
        Require(dto.BaseHeight is >= 0 and < 1, origin, "baseHeight", $"= {dto.BaseHeight} m, expected 0..1 m");
        Require(dto.Rows is { Count: > 0 }, origin, "rows", "must list at least one row");

        var bins = new List<BinSpec>();
        var z = dto.BaseHeight;
        for (var r = 0; r < dto.Rows!.Count; r++)
        {
            var row = dto.Rows[r];
            var where = string.Create(CultureInfo.InvariantCulture, $"rows[{r}]");
            Require(row.Height is > 0.05 and < 1, origin, where + ".height", $"= {row.Height} m, expected 0.05..1 m");
            Require(row.Columns is > 0 and <= 10, origin, where + ".columns", $"= {row.Columns}, expected 1..10");
            Require(row.Depth is > 0.05 and < 1.5, origin, where + ".depth", $"= {row.Depth} m, expected 0.05..1.5 m");
            var width = (dto.FaceWidth - ((row.Columns + 1) * dto.WallThickness)) / row.Columns;
            var height = row.Height - dto.WallThickness;
            Require(width > 0.05, origin, where + ".columns", $"leaves openings {width:F3} m wide");
            var bands = row.Bands ?? [];
            Require(bands.Count is > 0 and <= 6, origin, where + ".bands", "must list 1..6 band heights");
            for (var b = 0; b < bands.Count; b++)
            {
                Require(bands[b] > dto.BandWidth / 2 && bands[b] < height - (dto.BandWidth / 2), origin,
                    string.Create(CultureInfo.InvariantCulture, $"{where}.bands[{b}]"),
                    $"= {bands[b]} m, outside the opening (0..{height:F3} m)");
                Require(b == 0 || bands[b] > bands[b - 1] + dto.BandWidth, origin,
                    string.Create(CultureInfo.InvariantCulture, $"{where}.bands[{b}]"), "bands must ascend without overlapping");
            }

            for (var c = 0; c < row.Columns; c++)
            {
                var y = dto.WallThickness + (c * (width + dto.WallThickness));
                bins.Add(new BinSpec(new BinId(r, c), width, height, row.Depth, bands.ToArray(), dto.BandWidth, new Vec3(0, y, z)));
            }

            z += row.Height;
        }

        Require(bins.Count <= PodType.MaxBins, origin, "rows", $"give {bins.Count} bins, at most {PodType.MaxBins} allowed");
        return new PodType(dto.Name!, dto.FaceWidth, z, bins);
    }

    /// <summary>Loads every <c>*.json</c> in a folder, keyed by pod type name.</summary>
    /// <exception cref="PodConfigException">Folder missing or a file invalid.</exception>
    public static IReadOnlyDictionary<string, PodType> LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new PodConfigException($"pod type folder '{folder}' does not exist");
        }

        return Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(Load)
            .ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    private static void Require(bool ok, string origin, string field, string what)
    {
        if (!ok)
        {
            throw new PodConfigException($"{origin}: field '{field}' {what}");
        }
    }

    private sealed class PodTypeDto
    {
        public string? Name { get; set; }

        public double FaceWidth { get; set; }

        public double BaseHeight { get; set; }

        public double WallThickness { get; set; }

        public double BandWidth { get; set; }

        public List<RowDto>? Rows { get; set; }
    }

    private sealed class RowDto
    {
        public double Height { get; set; }

        public int Columns { get; set; }

        public double Depth { get; set; }

        public List<double>? Bands { get; set; }
    }
}
