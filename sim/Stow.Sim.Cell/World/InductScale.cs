using Stow.Sim.Devices.Induct;
using Stow.Sim.World;
using Stow.Core.Items;
using Stow.Sim.Devices;

namespace Stow.Sim.Cell.World;

/// <summary>
/// The simulated induct's dimensioner and scale: each arriving item is reported with seeded Gaussian measurement error,
/// σ = <see cref="InductErrorOptions.EdgeSigmaAbsolute"/> + <see cref="InductErrorOptions.EdgeSigmaRelative"/> · edge on
/// each edge and σ = <see cref="InductErrorOptions.MassSigmaAbsolute"/> + <see cref="InductErrorOptions.MassSigmaRelative"/>
/// · mass on the mass (<c>Sim:Induct</c>; the defaults are assumed figures of a light-curtain dimensioner and a
/// checkweigher at an induct station, not from a datasheet), clamped to stay positive.
/// The cell plans with these numbers; the world keeps the true item. Deterministic for the seed; single-threaded.
/// </summary>
public sealed class InductScale
{
    private readonly GaussianNoise _noise;
    private readonly InductErrorOptions _error;

    /// <summary>Creates the scale with the default errors (<see cref="InductErrorOptions"/>'s defaults).</summary>
    /// <param name="seed">Seed of the measurement errors.</param>
    public InductScale(int seed)
        : this(seed, new InductErrorOptions())
    {
    }

    /// <summary>Creates the scale with the errors of a world variant (<c>Sim:Induct</c>).</summary>
    /// <param name="seed">Run seed; the errors draw from its own stream (<see cref="RandomStream.Induct"/>).</param>
    /// <param name="error">Standard deviations of the measurement errors.</param>
    public InductScale(int seed, InductErrorOptions error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _error = error;
        _noise = new GaussianNoise(RandomStreams.Create(seed, RandomStream.Induct));
    }

    /// <summary>The item as measured: same id, name, class and source, measured edges [m] and mass [kg].</summary>
    /// <param name="truth">The physical item.</param>
    /// <returns>The measured item.</returns>
    public Item Measure(Item truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var d = truth.Dimensions;
        var measured = new ItemDimensions(Edge(d.Length), Edge(d.Width), Edge(d.Height));
        var mass = Math.Max(0.001, truth.Mass + _noise.Next(_error.MassSigmaAbsolute + (_error.MassSigmaRelative * truth.Mass)));
        return truth with { Dimensions = measured, Mass = mass };
    }

    private double Edge(double e) => Math.Max(0.001, e + _noise.Next(_error.EdgeSigmaAbsolute + (_error.EdgeSigmaRelative * e)));
}
