namespace Stow.Core.Catalog;

using Stow.Core.Items;

/// <summary>
/// The result of loading one catalogue (or several, for <c>mixed</c>): the stowable items and every row set aside.
/// Invariant: <see cref="Rows"/> == <see cref="Items"/>.Count + <see cref="Skipped"/>.Count. Immutable; safe to
/// share across threads.
/// </summary>
public sealed class ItemCatalog
{
    /// <summary>Creates a catalogue; normally done by the loaders.</summary>
    /// <param name="name">Catalogue name (<c>arc2017</c>, <c>olist</c>, <c>mixed</c>, or a file name).</param>
    /// <param name="rows">Data rows read (CSV lines after the header, or ARC JSON records).</param>
    /// <param name="items">Stowable items, in file order.</param>
    /// <param name="skipped">Rows set aside, in file order.</param>
    /// <exception cref="ArgumentException">The counts do not add up to <paramref name="rows"/>.</exception>
    public ItemCatalog(string name, int rows, IReadOnlyList<Item> items, IReadOnlyList<SkippedRow> skipped)
    {
        if (rows != items.Count + skipped.Count)
        {
            throw new ArgumentException($"catalogue {name}: {rows} rows != {items.Count} items + {skipped.Count} skipped", nameof(rows));
        }

        Name = name;
        Rows = rows;
        Items = items;
        Skipped = skipped;
        var counts = new SortedDictionary<SkipReason, int>();
        foreach (var s in skipped)
        {
            counts[s.Reason] = counts.GetValueOrDefault(s.Reason) + 1;
        }

        SkippedByReason = counts;
    }

    /// <summary>Catalogue name (<c>arc2017</c>, <c>olist</c>, <c>mixed</c>, or a file name).</summary>
    public string Name { get; }

    /// <summary>Data rows read from the source file(s).</summary>
    public int Rows { get; }

    /// <summary>Items the cell can stow, in file order.</summary>
    public IReadOnlyList<Item> Items { get; }

    /// <summary>Rows set aside (defects and unstowable items), in file order.</summary>
    public IReadOnlyList<SkippedRow> Skipped { get; }

    /// <summary>Count of <see cref="Skipped"/> per reason, ordered by reason; reasons with no row are absent.</summary>
    public IReadOnlyDictionary<SkipReason, int> SkippedByReason { get; }
}
