namespace Stow.Core.Catalog;

using System.Globalization;
using Stow.Core.Ids;
using Stow.Core.Items;

/// <summary>
/// Draws the items inducted in a run from a catalogue: uniform, with replacement (a product may arrive several
/// times, as in a real shift), deterministic for a seed. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Each drawn unit gets the id <c>{product id}#{k}</c>, k = 1, 2, … counting the units of that product in this draw,
/// so unit ids are unique within a draw and stable for a seed. The generator is <see cref="Random(int)"/>, whose
/// seeded sequence is fixed across .NET versions; the same catalogue (same file, same order) and seed give the same
/// units.
/// </remarks>
public static class ItemSampler
{
    /// <summary>Draws <paramref name="count"/> units.</summary>
    /// <param name="items">Products to draw from (e.g. <see cref="ItemCatalog.Items"/>); not empty unless count is 0.</param>
    /// <param name="count">Units to draw, ≥ 0.</param>
    /// <param name="seed">Seed of the draw.</param>
    /// <returns>The units in induct order; each a copy of its product with the unit id.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative count, or items empty while count &gt; 0.</exception>
    public static IReadOnlyList<Item> Draw(IReadOnlyList<Item> items, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > 0 && items.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(items), "cannot draw from an empty catalogue");
        }

        var rng = new Random(seed);
        var units = new Dictionary<ItemId, int>();
        var result = new Item[count];
        for (var i = 0; i < count; i++)
        {
            var product = items[rng.Next(items.Count)];
            var k = units.GetValueOrDefault(product.Id) + 1;
            units[product.Id] = k;
            result[i] = product with { Id = new ItemId(string.Create(CultureInfo.InvariantCulture, $"{product.Id.Value}#{k}")) };
        }

        return result;
    }

    /// <summary>Draws <paramref name="count"/> units from the stowable items of a catalogue (see the other overload).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative count, or no stowable items while count &gt; 0.</exception>
    public static IReadOnlyList<Item> Draw(ItemCatalog catalog, int count, int seed) => Draw(catalog.Items, count, seed);
}
