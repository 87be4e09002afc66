namespace Stow.Sim.Rendering;

using OpenCvSharp;

/// <summary>
/// Loads item photos once through OpenCV, trims their plain background border, and keeps them downsampled to
/// <see cref="Size"/>×<see cref="Size"/> pixels, keyed by path. Not thread-safe: one cache per
/// renderer, or preload with <see cref="Get"/> before sharing it read-only.
/// </summary>
public sealed class TextureCache
{
    /// <summary>
    /// Euclidean 8-bit RGB distance from the background above which a pixel is the item when trimming: √6 × 25.5 (25.5 = the
    /// 10 % fuzz the textures were first trimmed with in ImageMagick). Measured: this threshold gives exactly ImageMagick's
    /// (Magick.NET-Q8 15.1.0, <c>ColorFuzz = 10 %</c>, <c>Trim()</c>) trim box on all 40 ARC 2017 photos, where the plain
    /// 25.5 left 2–15 px more border on every one.
    /// </summary>
    private const double TrimDistance = 62.46;

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
    /// <param name="key">Path of an image file OpenCV can read (JPEG, PNG, ...).</param>
    /// <returns>The cached texture.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names it).</exception>
    /// <exception cref="InvalidDataException">The file is not a readable image (the message names it).</exception>
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

        using var bgr = Cv2.ImRead(key, ImreadModes.Color);
        if (bgr.Empty())
        {
            throw new InvalidDataException($"item texture '{key}' is not an image OpenCV can read");
        }

        // The ARC 2017 photos show the item on a plain dark background: trim it so the item fills the box's front face.
        using var trimmed = new Mat(bgr, Foreground(bgr));
        using var small = new Mat();
        Cv2.Resize(trimmed, small, new Size(Size, Size), interpolation: InterpolationFlags.Area);
        using var rgb = new Mat();
        Cv2.CvtColor(small, rgb, ColorConversionCodes.BGR2RGB);
        texture = new ItemTexture(rgb.Width, rgb.Height, rgb.AsSpan<byte>().ToArray());
        _textures.Add(key, texture);
        return texture;
    }

    /// <summary>
    /// The bounding box of the pixels farther than <see cref="TrimDistance"/> (Euclidean, in 8-bit RGB) from the top-left
    /// pixel's colour: the box ImageMagick's <c>-fuzz 10% -trim</c> gave when the textures were first made with it. The whole
    /// image when nothing differs.
    /// </summary>
    private static Rect Foreground(Mat bgr)
    {
        using var background = new Mat(bgr.Size(), bgr.Type(), new Scalar(bgr.At<Vec3b>(0, 0).Item0, bgr.At<Vec3b>(0, 0).Item1, bgr.At<Vec3b>(0, 0).Item2));
        using var diff = new Mat();
        Cv2.Absdiff(bgr, background, diff);
        using var wide = new Mat();
        diff.ConvertTo(wide, MatType.CV_32FC3);
        using var squared = new Mat();
        Cv2.Multiply(wide, wide, squared);
        using var distance = squared.Reshape(1, bgr.Rows * bgr.Cols);
        using var summed = new Mat();
        Cv2.Reduce(distance, summed, ReduceDimension.Column, ReduceTypes.Sum, MatType.CV_32F);
        using var far = new Mat();
        Cv2.Threshold(summed, far, TrimDistance * TrimDistance, 255, ThresholdTypes.Binary);
        using var farImage = far.Reshape(1, bgr.Rows);
        using var mask = new Mat();
        farImage.ConvertTo(mask, MatType.CV_8UC1);
        var box = Cv2.BoundingRect(mask);
        return box.Width > 0 && box.Height > 0 ? box : new Rect(0, 0, bgr.Cols, bgr.Rows);
    }
}
