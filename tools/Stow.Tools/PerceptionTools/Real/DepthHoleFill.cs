namespace Stow.Tools.PerceptionTools.Real;

/// <summary>
/// Fills depth holes (0 = no return) by repeated 3×3 averaging of valid neighbours. The real frames have depth
/// on only ≈ 30% of the pixels (short-range structured light on dark, shiny and grazing surfaces), while the
/// simulator the models were trained on renders dense depth; the model input is filled so that holes do not
/// read as "at the opening plane". Stateless.
/// </summary>
public static class DepthHoleFill
{
    /// <summary>Returns a filled copy; pixels still without a valid neighbour after <paramref name="passes"/> stay 0.</summary>
    /// <param name="depthMm">Depth [mm], 0 = none, row-major.</param>
    /// <param name="width">Width [px].</param>
    /// <param name="height">Height [px].</param>
    /// <param name="passes">Fill passes (each grows filled regions by one pixel).</param>
    public static ushort[] Fill(ushort[] depthMm, int width, int height, int passes)
    {
        ArgumentNullException.ThrowIfNull(depthMm);
        var cur = (ushort[])depthMm.Clone();
        var next = (ushort[])depthMm.Clone();
        for (var pass = 0; pass < passes; pass++)
        {
            var changed = false;
            for (var v = 0; v < height; v++)
            {
                for (var u = 0; u < width; u++)
                {
                    var p = (v * width) + u;
                    if (cur[p] != 0)
                    {
                        continue;
                    }

                    int sum = 0, n = 0;
                    for (var dv = -1; dv <= 1; dv++)
                    {
                        for (var du = -1; du <= 1; du++)
                        {
                            int uu = u + du, vv = v + dv;
                            if (uu >= 0 && vv >= 0 && uu < width && vv < height && cur[(vv * width) + uu] != 0)
                            {
                                sum += cur[(vv * width) + uu];
                                n++;
                            }
                        }
                    }

                    if (n > 0)
                    {
                        next[p] = (ushort)(sum / n);
                        changed = true;
                    }
                }
            }

            Array.Copy(next, cur, cur.Length);
            if (!changed)
            {
                break;
            }
        }

        return cur;
    }
}
