using Stow.Core.Ids;

namespace Stow.Cell.Journal;

/// <summary>
/// One place an item can be. <see cref="Pod"/> and <see cref="Bin"/> are set for <see cref="ItemLocationKind.Bin"/>
/// (where it is) and <see cref="ItemLocationKind.InFlight"/> (the bin it is heading to); null otherwise.
/// </summary>
/// <param name="Kind">Kind of place.</param>
/// <param name="Pod">Pod, for Bin and InFlight.</param>
/// <param name="Bin">Bin of that pod, for Bin and InFlight.</param>
public readonly record struct ItemLocation(ItemLocationKind Kind, PodId? Pod = null, BinId? Bin = null)
{
    /// <summary>The induct buffer.</summary>
    public static ItemLocation Buffer => new(ItemLocationKind.Buffer);

    /// <summary>The exception path.</summary>
    public static ItemLocation Exception => new(ItemLocationKind.Exception);

    /// <summary>Stowed in <paramref name="bin"/> of <paramref name="pod"/>.</summary>
    public static ItemLocation InBin(PodId pod, BinId bin) => new(ItemLocationKind.Bin, pod, bin);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ItemLocationKind.Bin => $"Bin {Pod}/{Bin}",
        ItemLocationKind.InFlight => $"InFlight -> {Pod}/{Bin}",
        _ => Kind.ToString(),
    };
}
