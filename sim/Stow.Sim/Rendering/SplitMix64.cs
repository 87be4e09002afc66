namespace Stow.Sim.Rendering;

/// <summary>
/// SplitMix64 (G. Steele, D. Lea, C. Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014; constants from Vigna's reference code): a tiny, fast, seeded generator whose output
/// is the same on every platform. Mutable value type: pass by ref.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(int seed) => _state = unchecked((ulong)(long)seed * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL;

    public ulong Next()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
