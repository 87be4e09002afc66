using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Hardware.Induct;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Management;

namespace Stow.Cell.Backends.Hal;

/// <summary>
/// An induct without a scanner interface: the items arrive as a list (the shift's item list, drawn from the catalogue the
/// configuration names) and are reported as the scanner, dimensioner and scale would report them (id, dimensions [m],
/// mass [kg]); nothing is added to or taken from the numbers, so a live cell plans with exactly what the list says.
/// Type key <see cref="TypeName"/>; no parameters. Threading: shift thread (<see cref="Load"/>, <see cref="ConfirmPicked"/>)
/// and loop thread (<see cref="Read"/>); not for concurrent use.
/// </summary>
public sealed class ItemListInduct : CommandedComponent, IInductBuffer
{
    /// <summary>Type key in the <see cref="HardwareRegistry"/>.</summary>
    public const string TypeName = "list.induct";

    private readonly List<ScannedItem> _items = [];

    /// <summary>Creates the induct, Unconfigured.</summary>
    /// <param name="name">Component name.</param>
    public ItemListInduct(string name)
        : base(name)
    {
    }

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <summary>Registers <see cref="TypeName"/>.</summary>
    /// <param name="registry">Registry to fill.</param>
    public static void Register(HardwareRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(TypeName, c => new ItemListInduct(c.Name));
    }

    /// <summary>Puts the arriving items into the buffer, scanned at <paramref name="time"/> [s].</summary>
    /// <param name="arriving">The items, in arrival order.</param>
    /// <param name="time">Scan time [s].</param>
    /// <returns>The items as scanned (the same numbers), in order.</returns>
    public IReadOnlyList<Item> Load(IReadOnlyList<Item> arriving, double time)
    {
        ArgumentNullException.ThrowIfNull(arriving);
        foreach (var item in arriving)
        {
            _items.Add(new ScannedItem(item.Id, item.Dimensions, item.Mass, time));
        }

        return arriving;
    }

    /// <inheritdoc />
    public int CopyItems(Span<ScannedItem> destination)
    {
        var n = Math.Min(destination.Length, _items.Count);
        for (var i = 0; i < n; i++)
        {
            destination[i] = _items[i];
        }

        return n;
    }

    /// <inheritdoc />
    public CommandStatus ConfirmPicked(ItemId id)
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        var i = _items.FindIndex(s => s.Id == id);
        if (i < 0)
        {
            return CommandStatus.Invalid;
        }

        _items.RemoveAt(i);
        return CommandStatus.Accepted;
    }

    /// <inheritdoc />
    public override HardwareResult Read(double time, double period) => IsReadable ? HardwareResult.Ok : HardwareResult.Error;

    /// <inheritdoc />
    public override HardwareResult Write(double time, double period) => IsReadable ? HardwareResult.Ok : HardwareResult.Error;
}
