namespace Stow.Sim.Rendering;

/// <summary>
/// A small RGB image drawn on an item's front face. Immutable after construction (the pixel array is
/// shared; do not modify it); safe to read from several threads.
/// </summary>
public sealed class ItemTexture
{
    /// <summary>Creates a texture from packed RGB bytes.</summary>
    /// <param name="width">Width [px], &gt; 0.</param>
    /// <param name="height">Height [px], &gt; 0.</param>
    /// <param name="rgb">Row-major RGB bytes, length <paramref name="width"/>·<paramref name="height"/>·3.</param>
    /// <exception cref="ArgumentException">The array length does not match the size.</exception>
    public ItemTexture(int width, int height, byte[] rgb)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(rgb);
        if (rgb.Length != width * height * 3)
        {
            throw new ArgumentException($"expected {width * height * 3} bytes for {width}x{height} RGB, got {rgb.Length}", nameof(rgb));
        }

        Width = width;
        Height = height;
        Rgb = rgb;
        long r = 0, g = 0, b = 0;
        for (var i = 0; i < rgb.Length; i += 3)
        {
            r += rgb[i];
            g += rgb[i + 1];
            b += rgb[i + 2];
        }

        var n = (long)width * height;
        MeanColor = new RgbColor((byte)(r / n), (byte)(g / n), (byte)(b / n));
    }

    /// <summary>Width [px].</summary>
    public int Width { get; }

    /// <summary>Height [px].</summary>
    public int Height { get; }

    /// <summary>Row-major RGB bytes, shape [Height, Width, 3].</summary>
    public byte[] Rgb { get; }

    /// <summary>Mean colour, used on the item's untextured side faces.</summary>
    public RgbColor MeanColor { get; }
}
