namespace Stow.Core.Catalog;

using System.Text.Json.Serialization;
using Stow.Core.Items;

/// <summary>
/// What <c>stowcell items</c> reports about a catalogue; also its JSON shape (property names as in
/// <see cref="JsonPropertyNameAttribute"/>). Sizes and masses are over the stowable items, in SI units. Immutable.
/// </summary>
public sealed class CatalogSummary
{
    private CatalogSummary(ItemCatalog c)
    {
        Catalog = c.Name;
        Rows = c.Rows;
        Stowable = c.Items.Count;
        Skipped = c.SkippedByReason.ToDictionary(kv => kv.Key.Key(), kv => kv.Value);
        Defects = c.Skipped.Count(s => s.Reason.IsDefect());
        LongestEdge = Percentiles.Of(c.Items.Select(i => i.Dimensions.Length));
        Volume = Percentiles.Of(c.Items.Select(i => i.Volume));
        Mass = Percentiles.Of(c.Items.Select(i => i.Mass));
        ClassMix = Enum.GetValues<PackagingClass>().ToDictionary(k => k.ToString().ToLowerInvariant(), k => c.Items.Count(i => i.Class == k));
        Fragile = c.Items.Count(i => i.Fragile);
    }

    /// <summary>Catalogue name.</summary>
    [JsonPropertyName("catalog")]
    public string Catalog { get; }

    /// <summary>Data rows read; equals <see cref="Stowable"/> + the sum of <see cref="Skipped"/>.</summary>
    [JsonPropertyName("rows")]
    public int Rows { get; }

    /// <summary>Items the cell can stow.</summary>
    [JsonPropertyName("stowable")]
    public int Stowable { get; }

    /// <summary>Rows set aside per reason key (<see cref="SkipReasonExtensions.Key"/>), defects included.</summary>
    [JsonPropertyName("skipped")]
    public IReadOnlyDictionary<string, int> Skipped { get; }

    /// <summary>How many of the skipped rows are data defects (not stowability).</summary>
    [JsonPropertyName("defects")]
    public int Defects { get; }

    /// <summary>Percentiles of the longest edge [m]; null when nothing is stowable.</summary>
    [JsonPropertyName("longestEdgeM")]
    public Percentiles? LongestEdge { get; }

    /// <summary>Percentiles of the bounding-box volume [m³]; null when nothing is stowable.</summary>
    [JsonPropertyName("volumeM3")]
    public Percentiles? Volume { get; }

    /// <summary>Percentiles of the mass [kg]; null when nothing is stowable.</summary>
    [JsonPropertyName("massKg")]
    public Percentiles? Mass { get; }

    /// <summary>Stowable items per packaging class (lower-case class name), every class listed.</summary>
    [JsonPropertyName("classMix")]
    public IReadOnlyDictionary<string, int> ClassMix { get; }

    /// <summary>Stowable items flagged fragile.</summary>
    [JsonPropertyName("fragile")]
    public int Fragile { get; }

    /// <summary>Summarises a catalogue.</summary>
    public static CatalogSummary Of(ItemCatalog catalog) => new(catalog);
}
