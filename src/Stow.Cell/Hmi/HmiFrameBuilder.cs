using System.Globalization;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Perception.Pipeline;
using Stow.Perception.Rectification;
using Stow.Perception.Space;

namespace Stow.Cell.Hmi;

/// <summary>
/// Builds the HMI's camera view. <see cref="Overlay"/> turns one perceived bin into what is drawn for it, in camera image
/// pixels: the bin opening's outline (the rectified crop's edges through its sampling map), the band model's mask carried
/// from the crop back to image pixels (nearest pixel, as perception samples), and the front face of the largest free
/// box (<see cref="FreeDepthAnalyzer.LocateLargestBox"/> on the estimate's free-depth grid, carried to the image through
/// the same map). <see cref="Build"/> cuts the camera frame around the current bin (three bin sizes across, enlarged by
/// a whole factor to at least <see cref="MinWidth"/> px with nearest-pixel sampling) and places every given bin's
/// overlay in it. Stateless and thread-safe.
/// </summary>
public static class HmiFrameBuilder
{
    /// <summary>Narrowest view [px] before the page scales it (so the drawn lines and labels stay small next to a bin).</summary>
    public const int MinWidth = 480;

    /// <summary>What to draw for a perceived bin; call while the pipeline's last single-bin outputs are valid (inside the perception event).</summary>
    /// <param name="pipeline">The pipeline that just ran <see cref="PodSpacePipeline.PerceiveBin"/>.</param>
    /// <param name="frame">Its camera frame.</param>
    /// <param name="binIndex">Bin index on the face.</param>
    /// <param name="estimate">Its estimate.</param>
    /// <param name="bin">The bin's geometry (volume, opening) from the pod type.</param>
    /// <param name="pod">The pod the bin belongs to.</param>
    /// <param name="withBand">False to leave the band mask out (for a bin that the pipeline's last single-bin outputs are not about).</param>
    public static HmiBinOverlay Overlay(PodSpacePipeline pipeline, RgbdFrame frame, int binIndex, BinSpaceEstimate estimate, BinSpec bin, string pod, bool withBand = true)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(bin);
        var map = pipeline.MapOf(binIndex);
        var crop = withBand ? pipeline.LastBinBandMask() : [];
        var band = new HashSet<int>();
        for (var k = 0; k < crop.Length; k++)
        {
            if (crop[k] > 0.5f)
            {
                var (u, v) = map.Nearest(k, frame.Width, frame.Height);
                band.Add((v * frame.Width) + u);
            }
        }

        // The box's grid cells (row 0 at the floor, column 0 at y = 0) are the crop's grid reversed on both axes
        // (PodSpacePipeline: crop row 0 is the top of the opening, column 0 its image-left edge).
        var place = FreeDepthAnalyzer.LocateLargestBox([.. estimate.FreeDepth], estimate.GridRows, estimate.GridCols, bin, onContents: false, Primitive.None);
        double[] freeBox = [];
        if (place.Box.Volume > 0)
        {
            var (rows, cols) = (estimate.GridRows, estimate.GridCols);
            var (top, bottom) = (rows - 1 - place.Row1, rows - 1 - place.Row0);
            var (left, right) = (cols - 1 - place.Col1, cols - 1 - place.Col0);
            freeBox = Corners(map, (double)left * map.Width / cols, (double)top * map.Height / rows,
                (double)(right + 1) * map.Width / cols, (double)(bottom + 1) * map.Height / rows);
        }

        var box = estimate.LargestBox;
        return new HmiBinOverlay(estimate.Bin.ToString(), pod, pipeline.FrameOfBin(binIndex), Corners(map, 0, 0, map.Width, map.Height), freeBox,
            [.. band.Order()], estimate.FreeVolume * 1000, Math.Clamp(estimate.FreeVolume / bin.Volume, 0, 1),
            [(int)Math.Round(box.Width * 1000), (int)Math.Round(box.Height * 1000), (int)Math.Round(box.Depth * 1000)]);
    }

    /// <summary>The view around <paramref name="current"/> in <paramref name="frame"/>, with the overlays of
    /// <paramref name="current"/> and of those <paramref name="neighbours"/> that fall inside it.</summary>
    /// <param name="frame">The camera frame <paramref name="current"/> was perceived in.</param>
    /// <param name="current">The bin just perceived.</param>
    /// <param name="neighbours">Other bins of the same camera (their latest overlays); others are ignored.</param>
    public static HmiFrame Build(RgbdFrame frame, HmiBinOverlay current, IEnumerable<HmiBinOverlay> neighbours)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(neighbours);
        int w = frame.Width, h = frame.Height;
        var (u0, v0, u1, v1) = (Min(current.Outline, 0), Min(current.Outline, 1), Max(current.Outline, 0), Max(current.Outline, 1));

        // Show the bin with some of its neighbourhood: three bin sizes around it, clamped to the image.
        var (cw, ch) = (Math.Max(u1 - u0, 8) * 3, Math.Max(v1 - v0, 8) * 3);
        var x0 = (int)Math.Clamp(((u0 + u1) / 2) - (cw / 2), 0, w - 1);
        var y0 = (int)Math.Clamp(((v0 + v1) / 2) - (ch / 2), 0, h - 1);
        var x1 = (int)Math.Clamp(((u0 + u1) / 2) + (cw / 2), x0 + 1, w);
        var y1 = (int)Math.Clamp(((v0 + v1) / 2) + (ch / 2), y0 + 1, h);
        var (ow, oh) = (x1 - x0, y1 - y0);
        var s = Math.Max(1, (MinWidth + ow - 1) / ow);
        var (sw, sh) = (ow * s, oh * s);

        // Neighbours whose opening centre lies in the view; the current bin's mask is drawn over theirs.
        var shown = neighbours.Where(n => n.Camera == current.Camera && n.Pod == current.Pod && n.Bin != current.Bin)
            .Where(n => Centre(n.Outline) is var (cx, cy) && cx >= x0 && cx < x1 && cy >= y0 && cy < y1)
            .OrderBy(n => n.Bin, StringComparer.Ordinal)
            .Prepend(current)
            .ToList();
        var band = new HashSet<int>(shown.SelectMany(n => n.BandPixels));

        var rgb = new byte[sw * sh * 3];
        var viewMask = new float[sw * sh];
        for (var y = 0; y < sh; y++)
        {
            var row = ((y / s) + y0) * w;
            for (var x = 0; x < sw; x++)
            {
                var src = row + (x / s) + x0;
                var dst = (y * sw) + x;
                rgb[dst * 3] = frame.Rgb[src * 3];
                rgb[(dst * 3) + 1] = frame.Rgb[(src * 3) + 1];
                rgb[(dst * 3) + 2] = frame.Rgb[(src * 3) + 2];
                viewMask[dst] = band.Contains(src) ? 1f : 0f;
            }
        }

        // Image position (OpenCV: pixel centres at integers) to the enlarged view's: source pixel u covers view
        // [(u - x0)·s, (u - x0 + 1)·s), so its centre is at (u - x0 + 0.5)·s - 0.5.
        double[] ToView(double[] quad) => [.. quad.Select((c, i) => ((c - (i % 2 == 0 ? x0 : y0) + 0.5) * s) - 0.5)];
        var bins = shown.Select(n => new HmiFrameBin(n.Bin, ReferenceEquals(n, current), ToView(n.Outline), ToView(n.FreeBox), n.FreeLitres, n.FreeFraction, n.LargestBoxMm)).ToList();
        var b = current.LargestBoxMm;
        var label = string.Create(CultureInfo.InvariantCulture,
            $"Bin {current.Bin}: free {current.FreeLitres:F1} L ({current.FreeFraction * 100:F0} %), largest box {b[0]} × {b[1]} × {b[2]} mm (w × h × d)");
        return new HmiFrame(rgb, sw, sh, viewMask, current.Bin, bins, label);
    }

    /// <summary>Image positions of the crop rectangle [cx0, cx1] × [cy0, cy1] (crop pixel edges), clockwise from top-left:
    /// the map gives pixel centres, so an edge is half a pixel outside its pixel's centre (extrapolated at the borders).</summary>
    private static double[] Corners(BinRectification map, double cx0, double cy0, double cx1, double cy1)
    {
        (double X, double Y) At(double cx, double cy)
        {
            var ix = Math.Clamp((int)Math.Floor(cx - 0.5), 0, map.Width - 2);
            var iy = Math.Clamp((int)Math.Floor(cy - 0.5), 0, map.Height - 2);
            var (fx, fy) = (cx - 0.5 - ix, cy - 0.5 - iy);
            double P(float[] m)
            {
                var a = m[(iy * map.Width) + ix];
                var b = m[(iy * map.Width) + ix + 1];
                var c = m[((iy + 1) * map.Width) + ix];
                var d = m[((iy + 1) * map.Width) + ix + 1];
                return ((1 - fy) * (((1 - fx) * a) + (fx * b))) + (fy * (((1 - fx) * c) + (fx * d)));
            }

            return (P(map.MapX), P(map.MapY));
        }

        var (a, b, c, d) = (At(cx0, cy0), At(cx1, cy0), At(cx1, cy1), At(cx0, cy1));
        return [a.X, a.Y, b.X, b.Y, c.X, c.Y, d.X, d.Y];
    }

    private static (double X, double Y) Centre(double[] quad) => ((quad[0] + quad[2] + quad[4] + quad[6]) / 4, (quad[1] + quad[3] + quad[5] + quad[7]) / 4);

    private static double Min(double[] quad, int axis) => Enumerable.Range(0, 4).Min(i => quad[(2 * i) + axis]);

    private static double Max(double[] quad, int axis) => Enumerable.Range(0, 4).Max(i => quad[(2 * i) + axis]);
}
