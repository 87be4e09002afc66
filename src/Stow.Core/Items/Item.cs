namespace Stow.Core.Items;

using Stow.Core.Ids;

/// <summary>
/// One product as the cell knows it after induct: id, measured bounding box, mass, packaging class.
/// Immutable; safe to share across threads.
/// </summary>
/// <param name="Id">Unit id.</param>
/// <param name="Name">Human-readable name (ARC item name or Olist category).</param>
/// <param name="Dimensions">Bounding box edges [m].</param>
/// <param name="Mass">Mass [kg].</param>
/// <param name="Class">Packaging class.</param>
/// <param name="Fragile">True when the item breaks under squeeze or impact forces a robust item tolerates.</param>
/// <param name="Category">Source category (English), or empty.</param>
/// <param name="Source">Catalogue the item came from (<c>arc2017</c>, <c>olist</c>, or a file name).</param>
public sealed record Item(
    ItemId Id,
    string Name,
    ItemDimensions Dimensions,
    double Mass,
    PackagingClass Class,
    bool Fragile,
    string Category,
    string Source)
{
    /// <summary>Bounding-box volume [m³].</summary>
    public double Volume => Dimensions.Volume;
}
