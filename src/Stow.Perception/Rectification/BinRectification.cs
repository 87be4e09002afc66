using OpenCvSharp;

namespace Stow.Perception.Rectification;

/// <summary>
/// The rectification of one bin opening into a fixed-size crop (<see cref="Width"/> × <see cref="Height"/>, image
/// orientation: row 0 at the top of the opening, column 0 at its image-left edge), built once per bin and camera
/// calibration with OpenCV: the perspective transform from crop to image (<c>Cv2.GetPerspectiveTransform</c> of the
/// crop's corners onto the opening's quad), the crop pixels' image positions from it (<c>Cv2.PerspectiveTransform</c>),
/// and fixed-point <c>Cv2.Remap</c> maps (<c>Cv2.ConvertMaps</c>): bilinear for RGB, nearest neighbour for depth and
/// masks (so that edges do not blend foreground and background), the image border replicated. Also the depth [m] of
/// the opening plane at every crop pixel (1/z is affine in image coordinates for a plane, so it is fitted to the four
/// corners).
/// </summary>
/// <remarks>
/// Pixel convention: OpenCV's (pixel (u, v) has its centre at integer (u, v)); the <see cref="OpeningQuad"/> gives its
/// corners with pixel i spanning [i, i+1), so each corner moves by −0.5 px, and the crop's corners are its outer pixel
/// edges (−0.5, −0.5) … (W − 0.5, H − 0.5). The maps, the three scratch crops and the transform are native memory
/// (OpenCV <c>Mat</c>s) owned by this object: dispose it. <see cref="Rectify"/>, <see cref="RectifyDepth"/> and
/// <see cref="SampleMask"/> reuse the scratch crops, so they allocate no crop buffers; they are not thread-safe (one
/// caller at a time per instance). <see cref="MapX"/>, <see cref="MapY"/>, <see cref="PlaneDepth"/> and
/// <see cref="Nearest"/> are immutable and safe to share.
/// </remarks>
public sealed class BinRectification : IDisposable
{
    /// <summary>Lowest relative depth kept [m] (bands and protrusions sit slightly in front of the opening).</summary>
    public const float MinRelativeDepth = -0.10f;

    /// <summary>Highest relative depth kept [m] (deeper than any bin in config/pods).</summary>
    public const float MaxRelativeDepth = 1.0f;

    /// <summary>Value written where the sensor gave no depth.</summary>
    public const float MissingDepth = 0f;

    /// <summary>Number of channels <see cref="Rectify"/> writes: R, G, B, D.</summary>
    public const int Channels = 4;

    private readonly Mat _transform;
    private readonly Mat _linearXy = new();
    private readonly Mat _linearFraction = new();
    private readonly Mat _nearestXy = new();
    private readonly Mat _noMap = new();
    private readonly Mat _rgbCrop;
    private readonly Mat _rgbCropF;
    private readonly Mat _depthCrop;
    private readonly Mat _maskCrop;
    private readonly (float MinX, float MinY, float MaxX, float MaxY) _bounds;

    /// <summary>Builds the transform, the maps and the scratch crops.</summary>
    /// <param name="quad">The opening in the image.</param>
    /// <param name="width">Crop width [px] (&gt; 1).</param>
    /// <param name="height">Crop height [px] (&gt; 1).</param>
    /// <exception cref="ArgumentException">Bad quad (not four corners, a depth not positive, three corners collinear) or crop size.</exception>
    public BinRectification(OpeningQuad quad, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(quad);
        quad.Validate();
        if (width < 2 || height < 2)
        {
            throw new ArgumentException($"crop {width}x{height} px is too small");
        }

        ThrowIfCollinear(quad);
        Width = width;
        Height = height;
        var n = width * height;
        Point2f[] crop = [new(-0.5f, -0.5f), new(width - 0.5f, -0.5f), new(width - 0.5f, height - 0.5f), new(-0.5f, height - 0.5f)];
        var image = new Point2f[4];
        for (var i = 0; i < 4; i++)
        {
            image[i] = new Point2f((float)(quad.U[i] - 0.5), (float)(quad.V[i] - 0.5));
        }

        _transform = Cv2.GetPerspectiveTransform(crop, image);
        var centres = new Point2f[n];
        for (var k = 0; k < n; k++)
        {
            centres[k] = new Point2f(k % width, k / width);
        }

        var mapped = Cv2.PerspectiveTransform(centres, _transform);
        MapX = new float[n];
        MapY = new float[n];
        PlaneDepth = new float[n];
        var (a, b, c) = FitInverseDepth(quad);
        for (var k = 0; k < n; k++)
        {
            MapX[k] = mapped[k].X;
            MapY[k] = mapped[k].Y;
            PlaneDepth[k] = (float)(1.0 / ((a * (MapX[k] + 0.5)) + (b * (MapY[k] + 0.5)) + c));
        }

        _bounds = (MapX.Min(), MapY.Min(), MapX.Max(), MapY.Max());
        using (var mapX = Mat.FromPixelData(height, width, MatType.CV_32FC1, MapX))
        using (var mapY = Mat.FromPixelData(height, width, MatType.CV_32FC1, MapY))
        {
            Cv2.ConvertMaps(mapX, mapY, _linearXy, _linearFraction, MatType.CV_16SC2, nnInterpolation: false);
            using var unused = new Mat();
            Cv2.ConvertMaps(mapX, mapY, _nearestXy, unused, MatType.CV_16SC2, nnInterpolation: true);
        }

        _rgbCrop = new Mat(height, width, MatType.CV_8UC3);
        _rgbCropF = new Mat(height, width, MatType.CV_32FC3);
        _depthCrop = new Mat(height, width, MatType.CV_16UC1);
        _maskCrop = new Mat(height, width, MatType.CV_8UC1);
    }

    /// <summary>Crop width [px].</summary>
    public int Width { get; }

    /// <summary>Crop height [px].</summary>
    public int Height { get; }

    /// <summary>Image x [px, OpenCV convention] that each crop pixel samples, row-major (the float <c>Remap</c> map).</summary>
    public float[] MapX { get; }

    /// <summary>Image y [px, OpenCV convention] that each crop pixel samples, row-major (the float <c>Remap</c> map).</summary>
    public float[] MapY { get; }

    /// <summary>Depth [m] of the opening plane at each crop pixel, row-major.</summary>
    public float[] PlaneDepth { get; }

    /// <summary>
    /// The image rectangle that holds every pixel the crop reads (bilinear taps included), clipped to a
    /// <paramref name="imageWidth"/> × <paramref name="imageHeight"/> image: a caller that prepares the image (e.g. converts it
    /// to float) for one bin only needs this part. Never empty: where the crop reaches past the image, the border pixels
    /// that <c>BorderTypes.Replicate</c> reads are in it. Allocation-free.
    /// </summary>
    /// <param name="imageWidth">Image width [px], ≥ 1.</param>
    /// <param name="imageHeight">Image height [px], ≥ 1.</param>
    public Rect SourceRect(int imageWidth, int imageHeight)
    {
        var x0 = Math.Clamp((int)MathF.Floor(_bounds.MinX) - 1, 0, imageWidth - 1);
        var y0 = Math.Clamp((int)MathF.Floor(_bounds.MinY) - 1, 0, imageHeight - 1);
        var x1 = Math.Clamp((int)MathF.Ceiling(_bounds.MaxX) + 2, x0 + 1, imageWidth);
        var y1 = Math.Clamp((int)MathF.Ceiling(_bounds.MaxY) + 2, y0 + 1, imageHeight);
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>
    /// The image pixel (column, row) that crop pixel <paramref name="k"/> samples by nearest neighbour, clamped to the
    /// image: the pixel that <c>Remap</c> with <c>InterpolationFlags.Nearest</c> and a replicated border reads (OpenCV
    /// rounds half to even, as <see cref="MathF.Round(float)"/> does). Allocation-free.
    /// </summary>
    public (int U, int V) Nearest(int k, int imageWidth, int imageHeight) =>
        (Math.Clamp((int)MathF.Round(MapX[k]), 0, imageWidth - 1), Math.Clamp((int)MathF.Round(MapY[k]), 0, imageHeight - 1));

    /// <summary>
    /// Rectifies one crop into a network input tensor, layout [4, H, W] float32, channel-major: R, G, B in [0, 1]
    /// (bilinear), then D = depth − opening-plane depth [m] (nearest neighbour), clamped to
    /// [<see cref="MinRelativeDepth"/>, <see cref="MaxRelativeDepth"/>]; pixels with no depth return give
    /// <see cref="MissingDepth"/>.
    /// </summary>
    /// <param name="rgb">The frame's colour image in R, G, B order: <c>CV_32FC3</c> in [0, 1] (interpolated in float, as the
    /// models were trained: convert each frame once with <c>ConvertTo(…, MatType.CV_32FC3, 1 / 255.0)</c>), or <c>CV_8UC3</c>
    /// (interpolated in OpenCV's 8-bit fixed point, the result rounded to 1/255).</param>
    /// <param name="depthMm">The frame's depth [mm], <c>CV_16UC1</c>, 0 = no return, the size of <paramref name="rgb"/>.</param>
    /// <param name="destination">Output, length 4·Height·Width.</param>
    /// <exception cref="ArgumentException">Wrong image types or sizes, or a destination of the wrong length.</exception>
    public void Rectify(Mat rgb, Mat depthMm, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        ArgumentNullException.ThrowIfNull(depthMm);
        var unit = rgb.Type() == MatType.CV_32FC3;
        CheckImage(rgb, unit ? MatType.CV_32FC3 : MatType.CV_8UC3, nameof(rgb));
        CheckImage(depthMm, MatType.CV_16UC1, nameof(depthMm));
        if (rgb.Width != depthMm.Width || rgb.Height != depthMm.Height)
        {
            throw new ArgumentException($"colour image {rgb.Width}x{rgb.Height} and depth image {depthMm.Width}x{depthMm.Height} differ in size", nameof(depthMm));
        }

        var n = Width * Height;
        if (destination.Length != Channels * n)
        {
            throw new ArgumentException($"destination holds {destination.Length} floats, {Channels * n} needed", nameof(destination));
        }

        Cv2.Remap(rgb, unit ? _rgbCropF : _rgbCrop, _linearXy, _linearFraction, InterpolationFlags.Linear, BorderTypes.Replicate);
        Cv2.Remap(depthMm, _depthCrop, _nearestXy, _noMap, InterpolationFlags.Nearest, BorderTypes.Replicate);
        if (unit)
        {
            var colour = _rgbCropF.AsSpan<float>();
            for (var k = 0; k < n; k++)
            {
                destination[k] = colour[3 * k];
                destination[n + k] = colour[(3 * k) + 1];
                destination[(2 * n) + k] = colour[(3 * k) + 2];
            }
        }
        else
        {
            const float inv255 = 1f / 255f;
            var colour = _rgbCrop.AsSpan<byte>();
            for (var k = 0; k < n; k++)
            {
                destination[k] = colour[3 * k] * inv255;
                destination[n + k] = colour[(3 * k) + 1] * inv255;
                destination[(2 * n) + k] = colour[(3 * k) + 2] * inv255;
            }
        }

        var depth = _depthCrop.AsSpan<ushort>();
        for (var k = 0; k < n; k++)
        {
            var d = depth[k];
            destination[(3 * n) + k] = d == 0
                ? MissingDepth
                : Math.Clamp((d * 0.001f) - PlaneDepth[k], MinRelativeDepth, MaxRelativeDepth);
        }
    }

    /// <summary>
    /// Samples only the relative depth of one crop (nearest neighbour, as <see cref="Rectify"/>), unclamped, with NaN where
    /// the sensor gave no return: the input of <see cref="BinBackProjection"/>, which must tell a surface lying in the
    /// opening plane (relative depth 0) from a missing return.
    /// </summary>
    /// <param name="depthMm">The frame's depth [mm], <c>CV_16UC1</c>, 0 = no return.</param>
    /// <param name="destination">Output [m], length Height·Width.</param>
    /// <exception cref="ArgumentException">Wrong image type, or a destination of the wrong length.</exception>
    public void RectifyDepth(Mat depthMm, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(depthMm);
        CheckImage(depthMm, MatType.CV_16UC1, nameof(depthMm));
        var n = Width * Height;
        if (destination.Length != n)
        {
            throw new ArgumentException($"destination holds {destination.Length} floats, {n} needed", nameof(destination));
        }

        Cv2.Remap(depthMm, _depthCrop, _nearestXy, _noMap, InterpolationFlags.Nearest, BorderTypes.Replicate);
        var depth = _depthCrop.AsSpan<ushort>();
        for (var k = 0; k < n; k++)
        {
            var d = depth[k];
            destination[k] = d == 0 ? float.NaN : (d * 0.001f) - PlaneDepth[k];
        }
    }

    /// <summary>Samples an 8-bit mask (non-zero = set) into the crop by nearest neighbour: 1 where set, 0 elsewhere.</summary>
    /// <param name="mask">The frame's mask, <c>CV_8UC1</c>.</param>
    /// <param name="destination">Output, length Height·Width.</param>
    /// <exception cref="ArgumentException">Wrong image type, or a destination of the wrong length.</exception>
    public void SampleMask(Mat mask, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(mask);
        CheckImage(mask, MatType.CV_8UC1, nameof(mask));
        if (destination.Length != Width * Height)
        {
            throw new ArgumentException($"destination holds {destination.Length} floats, {Width * Height} needed", nameof(destination));
        }

        Cv2.Remap(mask, _maskCrop, _nearestXy, _noMap, InterpolationFlags.Nearest, BorderTypes.Replicate);
        var m = _maskCrop.AsSpan<byte>();
        for (var k = 0; k < destination.Length; k++)
        {
            destination[k] = m[k] != 0 ? 1f : 0f;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _transform.Dispose();
        _linearXy.Dispose();
        _linearFraction.Dispose();
        _nearestXy.Dispose();
        _noMap.Dispose();
        _rgbCrop.Dispose();
        _rgbCropF.Dispose();
        _depthCrop.Dispose();
        _maskCrop.Dispose();
    }

    private static void CheckImage(Mat image, MatType type, string name)
    {
        if (image.Empty() || image.Type() != type || image.Dims != 2)
        {
            throw new ArgumentException($"image must be a non-empty 2-D {type}, is {image.Type()} {image.Width}x{image.Height}", name);
        }
    }

    private static void ThrowIfCollinear(OpeningQuad q)
    {
        // GetPerspectiveTransform returns a singular matrix rather than failing when three corners are collinear.
        for (var i = 0; i < 4; i++)
        {
            int j = (i + 1) % 4, k = (i + 2) % 4;
            var cross = ((q.U[j] - q.U[i]) * (q.V[k] - q.V[i])) - ((q.V[j] - q.V[i]) * (q.U[k] - q.U[i]));
            if (Math.Abs(cross) < 1e-9)
            {
                throw new ArgumentException("degenerate quad: three corners are collinear");
            }
        }
    }

    private static (double A, double B, double C) FitInverseDepth(OpeningQuad q)
    {
        // Least squares for w = a·u + b·v + c with w = 1/z over the four corners (normal equations).
        double suu = 0, suv = 0, su = 0, svv = 0, sv = 0, n = 4, suw = 0, svw = 0, sw = 0;
        for (var i = 0; i < 4; i++)
        {
            double u = q.U[i], v = q.V[i], w = 1.0 / q.Z[i];
            suu += u * u; suv += u * v; su += u; svv += v * v; sv += v; suw += u * w; svw += v * w; sw += w;
        }

        // Solve [[suu suv su][suv svv sv][su sv n]] x = [suw svw sw] by Cramer's rule.
        var det = Det(suu, suv, su, suv, svv, sv, su, sv, n);
        if (Math.Abs(det) < 1e-18)
        {
            return (0, 0, sw / n);
        }

        return (Det(suw, suv, su, svw, svv, sv, sw, sv, n) / det, Det(suu, suw, su, suv, svw, sv, su, sw, n) / det, Det(suu, suv, suw, suv, svv, svw, su, sv, sw) / det);
    }

    private static double Det(double a, double b, double c, double d, double e, double f, double g, double h, double i) =>
        (a * ((e * i) - (f * h))) - (b * ((d * i) - (f * g))) + (c * ((d * h) - (e * g)));
}
