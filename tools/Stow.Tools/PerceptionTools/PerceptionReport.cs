using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Stow.Tools.PerceptionTools.Real;

namespace Stow.Tools.PerceptionTools;

/// <summary>What <c>stowcell perception eval</c> reports, with the targets of the perception issue.</summary>
/// <param name="ExecutionProvider">ONNX Runtime execution providers that actually ran the models (ORT's profile at load,
/// <c>PodSpacePipeline.ExecutionProvider</c>), e.g. <c>cpu</c>.</param>
/// <param name="Sim">Simulator-scene figures.</param>
/// <param name="Real">Real-frame figures (APC 2016 bin B), null when the frames are absent.</param>
public sealed record PerceptionReport(
    [property: JsonPropertyName("execution_provider")] string ExecutionProvider,
    [property: JsonPropertyName("sim")] SimPerceptionFigures Sim,
    [property: JsonPropertyName("real"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RealPerceptionFigures? Real = null)
{
    /// <summary>Target: free-volume MAE ≤ 5 % of bin volume [%].</summary>
    public const double FreeVolumeTargetPct = 5;

    /// <summary>Target: band-mask IoU ≥ 0.9.</summary>
    public const double IouTarget = 0.9;

    /// <summary>Whether the free-volume target is met.</summary>
    [JsonPropertyName("free_volume_target_met")]
    public bool FreeVolumeMet => Sim.FreeVolumeMaePct <= FreeVolumeTargetPct;

    /// <summary>Whether the IoU target is met.</summary>
    [JsonPropertyName("band_iou_target_met")]
    public bool IouMet => Sim.BandIou >= IouTarget;

    /// <summary>Human-readable form.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"execution provider   {ExecutionProvider} (ONNX Runtime's profile of the models)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"simulator scenes: {Sim.Scenes} ({Sim.Bins} bins), held-out seeds");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  free-volume MAE      {Sim.FreeVolumeMaePct:F2} % of bin volume (target <= {FreeVolumeTargetPct:F0} %: {(FreeVolumeMet ? "met" : "NOT MET")})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  map volume MAE       {Sim.MapFreeVolumeMaePct:F2} % (estimated map vs true map; a perfect front map misses {Sim.FrontMapFreeVolumeMaePct:F2} % hidden behind contents)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  free-depth MAE       {Sim.FreeDepthMaeM * 100:F1} cm per grid cell, {Sim.OverEstimatePct:F1} % of cells over-stated by > 3 cm");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  band-mask IoU        {Sim.BandIou:F3} (target >= {IouTarget}: {(IouMet ? "met" : "NOT MET")})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  largest-box error    {Sim.LargestBoxErrorPct:F2} % of bin volume");
        sb.Append(CultureInfo.InvariantCulture, $"  latency per face     p50 {Sim.FaceMsP50:F1} ms, p99 {Sim.FaceMsP99:F1} ms");
        if (Real is not null)
        {
            sb.AppendLine().Append(RealPerceptionText.Format(Real));
        }

        return sb.ToString();
    }
}
