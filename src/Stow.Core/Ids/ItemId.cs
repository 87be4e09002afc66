namespace Stow.Core.Ids;

/// <summary>
/// Identifies one product unit scanned at induct (the catalogue id, e.g. an Olist product id or an
/// ARC 2017 item name, plus a unit suffix when several units of one product are inducted).
/// </summary>
/// <param name="Value">Non-empty identifier text.</param>
public readonly record struct ItemId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
