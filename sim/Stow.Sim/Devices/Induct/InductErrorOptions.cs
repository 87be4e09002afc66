namespace Stow.Sim.Devices.Induct;

/// <summary>
/// Measurement error of the simulated induct's dimensioner and checkweigher (<c>Sim:Induct</c>): each edge is reported
/// with Gaussian error σ = <see cref="EdgeSigmaAbsolute"/> + <see cref="EdgeSigmaRelative"/> · edge, the mass with
/// σ = <see cref="MassSigmaAbsolute"/> + <see cref="MassSigmaRelative"/> · mass. Immutable; metres, kilograms.
/// </summary>
/// <remarks>Assumed figures of a light-curtain dimensioner and a checkweigher at an induct station, not from a datasheet.</remarks>
public sealed record InductErrorOptions
{
    /// <summary>Absolute edge error σ [m] (assumption: 2 mm).</summary>
    public double EdgeSigmaAbsolute { get; init; } = 0.002;

    /// <summary>Relative edge error σ [1] (assumption: 1 % of the edge).</summary>
    public double EdgeSigmaRelative { get; init; } = 0.01;

    /// <summary>Absolute mass error σ [kg] (assumption: 5 g).</summary>
    public double MassSigmaAbsolute { get; init; } = 0.005;

    /// <summary>Relative mass error σ [1] (assumption: 1 % of the mass).</summary>
    public double MassSigmaRelative { get; init; } = 0.01;

    /// <summary>The defaults above.</summary>
    public static InductErrorOptions Default { get; } = new();
}
