namespace Stow.Sim.Rendering;

using ImageMagick;

/// <summary>
/// Loads item photos once through Magick.NET, trims their plain background border, and keeps them downsampled to
/// <see cref="Size"/>×<see cref="Size"/> pixels, keyed by path. Not thread-safe: one cache per
/// renderer, or preload with <see cref="Get"/> before sharing it read-only.
/// </summary>
public sealed class TextureCache
{
    private readonly Dictionary<string, ItemTexture> _textures = new(StringComparer.Ordinal);

    /// <summary>Creates a cache.</summary>
    /// <param name="size">Edge of the stored square texture [px], 4..1024. 128 px is finer than an item's front face at 640×480 from 2 m (≤ 80 px).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> outside 4..1024.</exception>
    public TextureCache(int size = 128)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 1024);
        Size = size;
    }

    /// <summary>Edge of the stored textures [px].</summary>
    public int Size { get; }

    /// <summary>Number of loaded textures.</summary>
    public int Count => _textures.Count;

    /// <summary>The texture for a photo path, loading and downsampling it on first use.</summary>
    /// <param name="key">Path of an image file Magick.NET can read (JPEG, PNG, ...).</param>
    /// <returns>The cached texture.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names it).</exception>
    /// <exception cref="MagickException">The file is not a readable image.</exception>
    public ItemTexture Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_textures.TryGetValue(key, out var texture))
        {
            return texture;
        }

        if (!File.Exists(key))
        {
            throw new FileNotFoundException($"item texture '{key}' does not exist", key);
        }

        using var image = new MagickImage(key);
        image.ColorSpace = ColorSpace.sRGB;

        // The ARC 2017 photos show the item on a plain dark background: trim it (10 % fuzz) so the
        // item fills the box's front face.
        image.ColorFuzz = new Percentage(10);
        image.Trim();
        image.ResetPage();
        image.Resize(new MagickGeometry((uint)Size, (uint)Size) { IgnoreAspectRatio = true });
        using var pixels = image.GetPixels();
        var rgb = pixels.ToByteArray(PixelMapping.RGB)
            ?? throw new InvalidOperationException($"item texture '{key}' gave no pixels");
        texture = new ItemTexture((int)image.Width, (int)image.Height, rgb);
        _textures.Add(key, texture);
        return texture;
    }
}
