using Stow.Core.Ids;
using Stow.Hardware.Induct;
using Stow.Hardware.Lifecycle;
using Stow.Sim.Devices.Faults;

namespace Stow.Sim.Devices.Induct;

/// <summary>
/// Simulated induct buffer: a queue of scanned items filled by <see cref="Enqueue"/> (tests, the world) or
/// config; <see cref="IInductBuffer.ConfirmPicked"/> removes the item at the next <c>Write</c>.
/// Threading: <see cref="Enqueue"/>, <see cref="Count"/> and <see cref="CopyItems"/> are safe from any thread
/// (a lock, no allocation once capacity is reached); the rest as <see cref="IInductBuffer"/>.
/// </summary>
public sealed class SimInductBuffer : CommandedComponent, IInductBuffer
{
    private readonly Lock _lock = new();
    private readonly List<ScannedItem> _items = new(64);
    private readonly List<ItemId> _picked = new(8);

    /// <summary>Creates the buffer, Unconfigured and empty.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="faults">Fault knobs (null: none).</param>
    public SimInductBuffer(string name, SimFaultKnobs? faults = null)
        : base(name) => Faults = faults ?? new SimFaultKnobs();

    /// <summary>Fault knobs.</summary>
    public SimFaultKnobs Faults { get; }

    /// <inheritdoc/>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Adds a scanned item at the back of the buffer. Any thread.</summary>
    /// <param name="item">The item as measured.</param>
    public void Enqueue(ScannedItem item)
    {
        lock (_lock)
        {
            _items.Add(item);
        }
    }

    /// <inheritdoc/>
    public int CopyItems(Span<ScannedItem> destination)
    {
        lock (_lock)
        {
            var n = Math.Min(destination.Length, _items.Count);
            for (var i = 0; i < n; i++)
            {
                destination[i] = _items[i];
            }

            return n;
        }
    }

    /// <inheritdoc/>
    public CommandStatus ConfirmPicked(ItemId id)
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        lock (_lock)
        {
            if (IndexOf(id) < 0)
            {
                return CommandStatus.Invalid;
            }

            _picked.Add(id);
        }

        return CommandStatus.Accepted;
    }

    /// <inheritdoc/>
    public override HardwareResult Read(double time, double period) =>
        Faults.CommsLoss ? HardwareResult.Error : HardwareResult.Ok;

    /// <inheritdoc/>
    public override HardwareResult Write(double time, double period)
    {
        if (Faults.CommsLoss)
        {
            return HardwareResult.Error;
        }

        lock (_lock)
        {
            if (!Faults.DropCommands)
            {
                foreach (var id in _picked)
                {
                    var k = IndexOf(id);
                    if (k >= 0)
                    {
                        _items.RemoveAt(k);
                    }
                }
            }

            _picked.Clear();
        }

        return HardwareResult.Ok;
    }

    private int IndexOf(ItemId id)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (_items[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}
