namespace Stow.Core.Catalog;

using Stow.Core.Ids;
using Stow.Core.Items;

/// <summary>
/// Collects rows from one or more source files into an <see cref="ItemCatalog"/>, keeping the accounting exact:
/// every row read ends as exactly one item or one skipped row. Not thread-safe (one loader at a time).
/// </summary>
internal sealed class CatalogBuilder(StowabilityRules rules)
{
    private readonly List<Item> _items = [];
    private readonly List<SkippedRow> _skipped = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private int _rows;

    /// <summary>Records a defective row.</summary>
    public void Skip(string source, int line, string id, SkipReason reason, string detail)
    {
        _rows++;
        _skipped.Add(new SkippedRow(source, line, id, reason, detail));
    }

    /// <summary>Records a valid row: it becomes an item unless its id repeats or the cell cannot stow it.</summary>
    public void Add(
        string source, int line, string id, string name, ItemDimensions dimensions, double mass, PackagingClass cls,
        bool fragile, string category)
    {
        if (!_ids.Add(id))
        {
            Skip(source, line, id, SkipReason.DuplicateId, $"id '{id}' already read");
            return;
        }

        var reason = rules.Check(dimensions, mass, out var detail);
        if (reason is { } r)
        {
            Skip(source, line, id, r, detail);
            return;
        }

        _rows++;
        _items.Add(new Item(new ItemId(id), name, dimensions, mass, cls, fragile, category, source));
    }

    /// <summary>The catalogue so far.</summary>
    public ItemCatalog Build(string name) => new(name, _rows, _items.ToArray(), _skipped.ToArray());
}
