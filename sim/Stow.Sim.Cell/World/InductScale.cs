using Stow.Sim.Devices.Induct;
using Stow.Sim.World;
using Stow.Core.Items;
using Stow.Sim.Devices;

namespace Stow.Sim.Cell.World;

/// <summary>
/// The simulated induct's dimensioner and scale: each arriving item is reported with seeded Gaussian measurement error,
/// σ = <see cref="EdgeSigmaAbsolute"/> + <see cref="EdgeSigmaRelative"/> · edge on each edge and
/// σ = <see cref="MassSigmaAbsolute"/> + <see cref="MassSigmaRelative"/> · mass on the mass (assumed figures of a
/// light-curtain dimensioner and a checkweigher at an induct station, not from a datasheet), clamped to stay positive.
/// The cell plans with these numbers; the world keeps the true item. Deterministic for the seed; single-threaded.
/// </summary>
public sealed class InductScale
{
    /// <summary>Absolute edge error σ [m].</summary>
    public const double EdgeSigmaAbsolute = 0.002;

    /// <summary>Relative edge error σ (fraction of the edge).</summary>
    public const double EdgeSigmaRelative = 0.01;

    /// <summary>Absolute mass error σ [kg].</summary>
    public const double MassSigmaAbsolute = 0.005;

    /// <summary>Relative mass error σ (fraction of the mass).</summary>
    public const double MassSigmaRelative = 0.01;

    private readonly GaussianNoise _noise;
    private readonly InductErrorOptions _error;

    /// <summary>Creates the scale with the default errors (the constants above).</summary>
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
