namespace Stow.Core.Catalog;

/// <summary>Source format of a catalogue file (see <see cref="CatalogLoader.Detect"/>).</summary>
public enum CatalogFormat
{
    /// <summary>Neither format.</summary>
    Unknown,

    /// <summary>ARC 2017 <c>items.json</c>: JSON array of items in SI units.</summary>
    Arc2017,

    /// <summary>Olist product CSV: grams and centimetres, Portuguese categories.</summary>
    Olist,
}
