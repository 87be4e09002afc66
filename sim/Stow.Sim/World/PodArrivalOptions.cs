namespace Stow.Sim.World;

/// <summary>
/// How full pods come back from the floor (<c>Sim:Arrival</c>). Each bin of an arriving pod gets a target volumetric
/// fill drawn uniformly in [<see cref="MinFill"/>, <see cref="MaxFill"/>] from the prefill stream and is filled with
/// catalogue items to it (<see cref="PodPrefill"/>). Immutable; fractions of bin volume in [0, 1].
/// </summary>
/// <remarks>
/// Assumption, no public per-bin figure: in a fulfilment centre a pod is sent to a stow station when it has room, and
/// comes back holding the stock not yet picked, so bins span from a fifth to two thirds full. The default range is
/// the one issue #16 names; a world file can change it.
/// </remarks>
public sealed record PodArrivalOptions
{
    /// <summary>Least arrival fill of a bin [1] (default 0.20).</summary>
    public double MinFill { get; init; } = 0.20;

    /// <summary>Largest arrival fill of a bin [1] (default 0.67).</summary>
    public double MaxFill { get; init; } = 0.67;

    /// <summary>The defaults above.</summary>
    public static PodArrivalOptions Default { get; } = new();

    /// <summary>Arrivals uniform in [0, <paramref name="max"/>] (the older single-knob form, <c>Cell:ArrivalFillMax</c>).</summary>
    /// <param name="max">Largest fill in [0, 1].</param>
    public static PodArrivalOptions UpTo(double max) => new() { MinFill = 0, MaxFill = max };

    /// <summary>Draws one bin's target fill.</summary>
    /// <param name="rng">The prefill stream.</param>
    public double Draw(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return MinFill + (rng.NextDouble() * (MaxFill - MinFill));
    }
}
