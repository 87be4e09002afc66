using System.Globalization;
using System.Text;

namespace Stow.Tools.PerceptionTools.Real;

/// <summary>Text form of <see cref="RealPerceptionFigures"/> for <c>stowcell perception eval</c>. Stateless.</summary>
public static class RealPerceptionText
{
    /// <summary>Formats the figures: summary lines, then one line per frame.</summary>
    public static string Format(RealPerceptionFigures real)
    {
        ArgumentNullException.ThrowIfNull(real);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"real frames: APC 2016 shelf bin B, {real.Frames} frames, {real.FramesSeeingOpening} see ≥ 90% of the opening (means over those)");
        sb.AppendLine(c, $"  reference free volume {real.ReferenceFreeVolumePct:F1}% of the bin ({real.BinVolume * 1000:F2} l)");
        if (real.ModelsRun)
        {
            sb.AppendLine(c, $"  models:    free-volume error {real.FreeVolumeErrorPct:F1}% of bin volume, free-depth MAE {real.FreeDepthMae:F3} m");
        }

        sb.AppendLine(c, $"  geometric: free-volume error {real.GeometricFreeVolumeErrorPct:F1}% of bin volume, free-depth MAE {real.GeometricFreeDepthMae:F3} m");
        sb.Append("  frame  seen  depth%  ref[l]  geo[l]  model[l]  geoMAE[m]  modelMAE[m]  itemPts  reg.diff[m]");
        foreach (var f in real.PerFrame)
        {
            sb.AppendLine().Append(c,
                $"  {f.Frame,5}  {f.VisibleFraction * 100,3:F0}%  {f.ValidDepthFraction * 100,5:F0}%  {f.ReferenceFreeVolume * 1000,6:F2}  {f.GeometricFreeVolume * 1000,6:F2}  {(f.ModelFreeVolume is { } m ? (m * 1000).ToString("F2", c) : "-"),8}  {f.GeometricDepthMae,9:F3}  {(f.ModelDepthMae is { } e ? e.ToString("F3", c) : "-"),11}  {f.ItemPoints,7}  {f.RegistrationMedianDiff,11:F4}");
        }

        return sb.ToString();
    }
}
