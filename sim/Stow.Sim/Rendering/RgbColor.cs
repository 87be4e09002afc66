namespace Stow.Sim.Rendering;

/// <summary>An 8-bit sRGB colour (0..255 per channel). Immutable value type, safe to share across threads.</summary>
/// <param name="R">Red, 0..255.</param>
/// <param name="G">Green, 0..255.</param>
/// <param name="B">Blue, 0..255.</param>
public readonly record struct RgbColor(byte R, byte G, byte B)
{
    /// <summary>Scales each channel by <paramref name="factor"/> (clamped to 0..255).</summary>
    /// <param name="factor">Brightness factor, ≥ 0 (1 = unchanged).</param>
    /// <returns>The scaled colour.</returns>
    public RgbColor Scale(double factor) => new(Clamp(R * factor), Clamp(G * factor), Clamp(B * factor));

    private static byte Clamp(double v) => (byte)Math.Clamp((int)Math.Round(v), 0, 255);
}
