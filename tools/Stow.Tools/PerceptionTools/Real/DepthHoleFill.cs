using OpenCvSharp;

namespace Stow.Tools.PerceptionTools.Real;

/// <summary>
/// Fills depth holes (0 = no return) by repeated 3×3 averaging of valid neighbours, with OpenCV box filters. The real
/// frames have depth on only ≈ 30% of the pixels (short-range structured light on dark, shiny and grazing surfaces),
/// while the simulator the models were trained on renders dense depth; the model input is filled so that holes do not
/// read as "at the opening plane". Stateless; thread-safe.
/// </summary>
/// <remarks>
/// One pass: every hole with at least one valid pixel among its 8 neighbours (pixels outside the image do not count)
/// takes the mean of those neighbours, truncated to whole millimetres; the sums and counts come from two unnormalised
/// 3×3 <c>Cv2.BoxFilter</c>s with a zero border. The truncation is rounding of mean − 0.49: the mean of at most 9
/// integers has a fractional part of 0 or at least 1/9, so that rounding never goes up. Each pass grows the filled
/// regions by one pixel; holes are filled from the previous pass's values only.
/// </remarks>
public static class DepthHoleFill
{
    /// <summary>Returns a filled copy; pixels still without a valid neighbour after <paramref name="passes"/> stay 0.</summary>
    /// <param name="depthMm">Depth [mm], 0 = none, row-major, length <paramref name="width"/>·<paramref name="height"/>.</param>
    /// <param name="width">Width [px].</param>
    /// <param name="height">Height [px].</param>
    /// <param name="passes">Fill passes (each grows filled regions by one pixel), ≥ 0.</param>
    /// <exception cref="ArgumentException">The buffer does not match the size, or <paramref name="passes"/> is negative.</exception>
    public static ushort[] Fill(ushort[] depthMm, int width, int height, int passes)
    {
        ArgumentNullException.ThrowIfNull(depthMm);
        ArgumentOutOfRangeException.ThrowIfNegative(passes);
        if (width < 1 || height < 1 || depthMm.Length != width * height)
        {
            throw new ArgumentException($"depth buffer holds {depthMm.Length} samples, {width}x{height} expected", nameof(depthMm));
        }

        var result = new ushort[depthMm.Length];
        using var input = Mat.FromPixelData(height, width, MatType.CV_16UC1, depthMm);
        using var output = Mat.FromPixelData(height, width, MatType.CV_16UC1, result);
        using var cur = new Mat();
        input.ConvertTo(cur, MatType.CV_32FC1);
        using var valid = new Mat();
        using var sum = new Mat();
        using var count = new Mat();
        using var mean = new Mat();
        using var holes = new Mat();
        using var reached = new Mat();
        using var fill = new Mat();
        var kernel = new Size(3, 3);
        for (var pass = 0; pass < passes; pass++)
        {
            Cv2.Threshold(cur, valid, 0, 1, ThresholdTypes.Binary);
            Cv2.BoxFilter(cur, sum, MatType.CV_32F, kernel, normalize: false, borderType: BorderTypes.Constant);
            Cv2.BoxFilter(valid, count, MatType.CV_32F, kernel, normalize: false, borderType: BorderTypes.Constant);
            Cv2.InRange(cur, new Scalar(0), new Scalar(0), holes);
            Cv2.InRange(count, new Scalar(0.5), new Scalar(9), reached);
            Cv2.BitwiseAnd(holes, reached, fill);
            if (Cv2.CountNonZero(fill) == 0)
            {
                break;
            }

            Cv2.Divide(sum, count, mean);
            using var truncated = new Mat();
            mean.ConvertTo(truncated, MatType.CV_16UC1, 1, -0.49);
            using var back = new Mat();
            truncated.ConvertTo(back, MatType.CV_32FC1);
            back.CopyTo(cur, fill);
        }

        cur.ConvertTo(output, MatType.CV_16UC1);
        return result;
    }
}
