using Stow.Core.Items;

namespace Stow.Cell.Shift;

/// <summary>What the planner tells the shift to do next.</summary>
public abstract record ShiftDecision
{
    /// <summary>Stow an item.</summary>
    /// <param name="Action">The stow.</param>
    public sealed record Stow(StowAction Action) : ShiftDecision;

    /// <summary>The pod is full enough: ask for a swap.</summary>
    /// <param name="BestP">Best predicted P over the buffer (below the swap threshold).</param>
    public sealed record PodSwap(double BestP) : ShiftDecision;

    /// <summary>An item fits no bin of any pod: route it to the exception path.</summary>
    /// <param name="Item">The item.</param>
    /// <param name="Reason">Why.</param>
    public sealed record Exception(Item Item, string Reason) : ShiftDecision;
}
