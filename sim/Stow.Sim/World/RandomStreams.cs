namespace Stow.Sim.World;

/// <summary>
/// Separate seeded random streams, one per <see cref="RandomStream"/> purpose, derived from one run seed. A stream's
/// seed depends only on (run seed, purpose), never on how many numbers another stream has drawn, so a policy that
/// explores more or attempts more items does not shift the prefill or the items of the next pod (common random
/// numbers, A. M. Law, "Simulation Modeling and Analysis", 5th ed., §11.2). Seeds are mixed with the SplitMix64
/// finaliser (G. Steele, D. Lea, C. Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014).
/// Each <see cref="Random"/> returned is a new instance owned by the caller; not thread-safe per instance.
/// </summary>
public static class RandomStreams
{
    /// <summary>The seed of one purpose's stream.</summary>
    /// <param name="seed">The run seed.</param>
    /// <param name="stream">The purpose.</param>
    /// <returns>A 31-bit non-negative seed; distinct purposes give unrelated seeds.</returns>
    public static int SeedOf(int seed, RandomStream stream)
    {
        var z = unchecked(((ulong)(uint)seed << 8) + (ulong)stream + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    /// <summary>A new generator for one purpose's stream.</summary>
    /// <param name="seed">The run seed.</param>
    /// <param name="stream">The purpose.</param>
    public static Random Create(int seed, RandomStream stream) => new(SeedOf(seed, stream));
}
