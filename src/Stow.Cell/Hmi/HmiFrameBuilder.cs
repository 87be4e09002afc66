using System.Globalization;
using Stow.Core.Space;
using Stow.Perception.Pipeline;

namespace Stow.Cell.Hmi;

/// <summary>
/// Builds the HMI's camera view from a perceived bin: the camera frame around the bin (three bin sizes across), the band model's mask carried from the bin's
/// rectified crop back to image pixels through the crop's sampling map (nearest pixel, as perception samples), and the
/// bin opening's image rectangle labelled with the estimated free volume and largest insertable box. Stateless.
/// </summary>
public static class HmiFrameBuilder
{
    /// <summary>Builds the view; call while the pipeline's last single-bin outputs are valid (inside the perception event).</summary>
    /// <param name="pipeline">The pipeline that just ran <see cref="PodSpacePipeline.PerceiveBin"/>.</param>
    /// <param name="frame">Its camera frame.</param>
    /// <param name="binIndex">Bin index on the face.</param>
    /// <param name="estimate">Its estimate.</param>
    /// <param name="binVolume">Bin volume [m³], for the free fraction.</param>
    public static HmiFrame Build(PodSpacePipeline pipeline, RgbdFrame frame, int binIndex, BinSpaceEstimate estimate, double binVolume)
    {
        int w = frame.Width, h = frame.Height;
        var map = pipeline.MapOf(binIndex);
        var crop = pipeline.LastBinBandMask();
        var mask = new float[w * h];
        for (var k = 0; k < crop.Length; k++)
        {
            var (u, v) = map.Nearest(k, w, h);
            mask[(v * w) + u] = Math.Max(mask[(v * w) + u], crop[k]);
        }

        double u0 = double.MaxValue, v0 = double.MaxValue, u1 = double.MinValue, v1 = double.MinValue;
        for (var k = 0; k < map.MapX.Length; k++)
        {
            (u0, u1) = (Math.Min(u0, map.MapX[k]), Math.Max(u1, map.MapX[k]));
            (v0, v1) = (Math.Min(v0, map.MapY[k]), Math.Max(v1, map.MapY[k]));
        }

        // Show the bin with some of its neighbourhood: three bin sizes around it, clamped to the image.
        var (cw, ch) = (Math.Max(u1 - u0, 8) * 3, Math.Max(v1 - v0, 8) * 3);
        var x0 = (int)Math.Clamp(((u0 + u1) / 2) - (cw / 2), 0, w - 1);
        var y0 = (int)Math.Clamp(((v0 + v1) / 2) - (ch / 2), 0, h - 1);
        var x1 = (int)Math.Clamp(((u0 + u1) / 2) + (cw / 2), x0 + 1, w);
        var y1 = (int)Math.Clamp(((v0 + v1) / 2) + (ch / 2), y0 + 1, h);
        var (ow, oh) = (x1 - x0, y1 - y0);
        var rgb = new byte[ow * oh * 3];
        var cropMask = new float[ow * oh];
        for (var y = 0; y < oh; y++)
        {
            Array.Copy(frame.Rgb, (((y + y0) * w) + x0) * 3, rgb, y * ow * 3, ow * 3);
            Array.Copy(mask, ((y + y0) * w) + x0, cropMask, y * ow, ow);
        }

        var box = estimate.LargestBox;
        var label = string.Create(CultureInfo.InvariantCulture,
            $"{estimate.Bin}: free {estimate.FreeVolume * 1000:F1} L ({estimate.FreeVolume / binVolume:P0}), largest box {box.Width * 100:F0}×{box.Height * 100:F0}×{box.Depth * 100:F0} cm");
        return new HmiFrame(rgb, ow, oh, cropMask, estimate.Bin.ToString(), [[u0 - x0, v0 - y0, u1 - u0, v1 - v0]], label);
    }
}
