namespace Stow.Planning.Candidates;

using System.Globalization;
using Stow.Core.Space;

/// <summary>
/// A chain of at most two space-making primitives run before the item is fed into the bin:
/// <see cref="First"/> then <see cref="Second"/>. A single-step chain has
/// <see cref="Second"/> = <see cref="Primitive.None"/> (so "Flip→None" is the chain <c>Flip</c>).
/// Immutable value type; safe to share.
/// </summary>
/// <param name="First">First primitive (<see cref="Primitive.None"/> for a plain insertion).</param>
/// <param name="Second">Second primitive, or <see cref="Primitive.None"/> for a single-step chain.</param>
public readonly record struct PrimitiveChain(Primitive First, Primitive Second)
{
    private static readonly PrimitiveChain[] AllChains =
    [
        new(Primitive.None, Primitive.None),
        new(Primitive.SweepLeft, Primitive.None),
        new(Primitive.SweepRight, Primitive.None),
        new(Primitive.Flip, Primitive.None),
        new(Primitive.Stack, Primitive.None),
        new(Primitive.Slot, Primitive.None),
        new(Primitive.SweepLeft, Primitive.Slot),
        new(Primitive.SweepRight, Primitive.Slot),
        new(Primitive.SweepLeft, Primitive.Stack),
        new(Primitive.SweepRight, Primitive.Stack),
    ];

    /// <summary>Number of chains the planner tries (<see cref="All"/>.Count): 6 single-step + 4 two-step.</summary>
    public const int Count = 10;

    /// <summary>
    /// Every chain the planner tries, in a fixed order whose index is <see cref="Index"/>: the six single
    /// primitives (issue 4: none, sweep left, sweep right, flip, stack, slot) and the two-step chains
    /// "sweep then slot" and "sweep then stack" on both sides. A sweep widens a gap that a slot or a stack
    /// then uses; other pairs add no space the estimate can vouch for.
    /// </summary>
    public static IReadOnlyList<PrimitiveChain> All => AllChains;

    /// <summary>
    /// The primitives actually run, in order: empty for a plain insertion, one for a single step, two for a two-step
    /// chain (the shape of <c>Stow.Cell.Shift.StowAction.Chain</c>). Allocates a small array; not for hot loops.
    /// </summary>
    public IReadOnlyList<Primitive> Steps =>
        First == Primitive.None ? (Second == Primitive.None ? [] : [Second])
        : Second == Primitive.None ? [First] : [First, Second];

    /// <summary>True when the chain has two steps.</summary>
    public bool IsTwoStep => Second != Primitive.None;

    /// <summary>Position of this chain in <see cref="All"/> (0..<see cref="Count"/>−1), or −1 when it is not one of them.</summary>
    public int Index => (First, Second) switch
    {
        (_, Primitive.None) when First is >= Primitive.None and <= Primitive.Slot => (int)First,
        (Primitive.SweepLeft, Primitive.Slot) => 6,
        (Primitive.SweepRight, Primitive.Slot) => 7,
        (Primitive.SweepLeft, Primitive.Stack) => 8,
        (Primitive.SweepRight, Primitive.Stack) => 9,
        _ => -1,
    };

    /// <summary>The chain at <paramref name="index"/> in <see cref="All"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0..<see cref="Count"/>−1.</exception>
    public static PrimitiveChain FromIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return AllChains[index];
    }

    /// <summary>Text form, e.g. <c>SweepLeft→Slot</c> or <c>Flip</c>.</summary>
    public override string ToString() =>
        IsTwoStep ? string.Create(CultureInfo.InvariantCulture, $"{First}→{Second}") : string.Create(CultureInfo.InvariantCulture, $"{First}");
}
