namespace Stow.Sim.Rendering;

/// <summary>
/// A deterministic colour per item category (packaging class, Olist category, ...), for items that
/// have no photo. The same name gives the same colour on every machine and run. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Hue = FNV-1a (32-bit) hash of the lower-cased name, mixed by MurmurHash3's fmix32, modulo 360°, saturation 0.55, value 0.85
/// (HSV to RGB as in Smith, "Color gamut transform pairs", SIGGRAPH 1978). The mid saturation
/// keeps items distinguishable from the yellow pod fabric and the dark bands.
/// </remarks>
public static class CategoryColors
{
    private const double Saturation = 0.55;
    private const double Value = 0.85;

    /// <summary>The colour of a category.</summary>
    /// <param name="category">Category name; case is ignored. Empty gives a mid grey-ish colour (hash of "").</param>
    /// <returns>An opaque 8-bit colour.</returns>
    public static RgbColor For(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var hash = 2166136261u;
        foreach (var ch in category)
        {
            hash ^= char.ToLowerInvariant(ch);
            hash *= 16777619u;
        }

        // MurmurHash3's fmix32 finaliser spreads names that differ in one character over all hues.
        hash ^= hash >> 16;
        hash *= 0x85EBCA6Bu;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35u;
        hash ^= hash >> 16;
        return FromHsv(hash % 360u, Saturation, Value);
    }

    /// <summary>HSV to RGB.</summary>
    /// <param name="hueDegrees">Hue [°], 0..360.</param>
    /// <param name="saturation">Saturation, 0..1.</param>
    /// <param name="value">Value, 0..1.</param>
    /// <returns>The colour.</returns>
    public static RgbColor FromHsv(double hueDegrees, double saturation, double value)
    {
        var c = value * saturation;
        var h = (hueDegrees % 360) / 60.0;
        var x = c * (1 - Math.Abs((h % 2) - 1));
        var (r, g, b) = (int)h switch
        {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        var m = value - c;
        return new RgbColor(ToByte(r + m), ToByte(g + m), ToByte(b + m));
    }

    private static byte ToByte(double v) => (byte)Math.Clamp((int)Math.Round(v * 255), 0, 255);
}
