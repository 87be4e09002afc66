using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Hardware.Induct;

namespace Stow.Cell.Backends;

/// <summary>
/// Reads what the HAL induct buffer reports of the arriving items: for each item, the scan with its id, its measured
/// dimensions [m] and its measured mass [kg] (<see cref="ScannedItem"/>). The cell plans with these numbers, never with
/// the catalogue's. Stateless; call from the thread that owns the induct (the shift thread).
/// </summary>
public static class InductScan
{
    /// <summary>The arriving items as the induct measured them, in arrival order.</summary>
    /// <param name="induct">The induct buffer, holding a scan of every arriving item.</param>
    /// <param name="arriving">The items that arrived (their ids, names and classes).</param>
    /// <returns>Each item with the dimensions and mass of its scan (the latest scan of its id).</returns>
    /// <exception cref="InvalidOperationException">An arriving item has no scan in the buffer (the message names it).</exception>
    public static IReadOnlyList<Item> Measured(IInductBuffer induct, IReadOnlyList<Item> arriving)
    {
        ArgumentNullException.ThrowIfNull(induct);
        ArgumentNullException.ThrowIfNull(arriving);
        var scans = new ScannedItem[induct.Count];
        var n = induct.CopyItems(scans);
        var byId = new Dictionary<ItemId, ScannedItem>(n);
        for (var i = 0; i < n; i++)
        {
            byId[scans[i].Id] = scans[i];
        }

        var measured = new Item[arriving.Count];
        for (var i = 0; i < measured.Length; i++)
        {
            var item = arriving[i];
            measured[i] = byId.TryGetValue(item.Id, out var s)
                ? item with { Dimensions = s.Measured, Mass = s.MeasuredMass }
                : throw new InvalidOperationException($"induct '{induct.Name}' has no scan of item {item.Id}");
        }

        return measured;
    }
}
