namespace Stow.Sim.Devices;

/// <summary>Zero-mean Gaussian samples from a seeded <see cref="Random"/> (Box–Muller transform). No allocation per sample.</summary>
public sealed class GaussianNoise
{
    private readonly Random _random;

    /// <summary>Creates a source.</summary>
    /// <param name="random">Seeded generator, owned by this source.</param>
    public GaussianNoise(Random random) => _random = random;

    /// <summary>Draws one sample.</summary>
    /// <param name="sigma">Standard deviation (units of the caller).</param>
    /// <returns>A sample.</returns>
    public double Next(double sigma)
    {
        if (sigma <= 0)
        {
            return 0;
        }

        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return sigma * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
