using System.Text.Json.Serialization;

namespace Stow.Tools.PerceptionTools.Real;

/// <summary>
/// Real-frame figures of <see cref="RealPerceptionEval"/> (APC 2016 shelf bin B, no bands): means over the
/// frames that see the whole opening. Percentages are of the bin's volume (0.37 × 0.306 × 0.218 m).
/// </summary>
/// <param name="Frames">Frames in the set.</param>
/// <param name="FramesSeeingOpening">Frames whose opening quad lies inside the image (the ones averaged).</param>
/// <param name="BinVolume">Bin volume [m³].</param>
/// <param name="FreeVolumeErrorPct">Mean |model − reference free volume| / bin volume [%] (the pipeline; geometric when the models were not run).</param>
/// <param name="FreeDepthMae">Mean free-depth MAE of the model estimate [m] (null when the models were not run).</param>
/// <param name="GeometricFreeVolumeErrorPct">Mean |geometric − reference free volume| / bin volume [%].</param>
/// <param name="GeometricFreeDepthMae">Mean free-depth MAE of the geometric estimate [m].</param>
/// <param name="ReferenceFreeVolumePct">Mean reference free volume as % of the bin volume.</param>
/// <param name="ModelsRun">Whether the band and space models were run.</param>
/// <param name="PerFrame">Per-frame figures.</param>
public sealed record RealPerceptionFigures(
    [property: JsonPropertyName("frames")] int Frames,
    [property: JsonPropertyName("frames_seeing_opening")] int FramesSeeingOpening,
    [property: JsonPropertyName("bin_volume_m3")] double BinVolume,
    [property: JsonPropertyName("free_volume_error_pct")] double FreeVolumeErrorPct,
    [property: JsonPropertyName("free_depth_mae_m")] double? FreeDepthMae,
    [property: JsonPropertyName("geometric_free_volume_error_pct")] double GeometricFreeVolumeErrorPct,
    [property: JsonPropertyName("geometric_free_depth_mae_m")] double GeometricFreeDepthMae,
    [property: JsonPropertyName("reference_free_volume_pct")] double ReferenceFreeVolumePct,
    [property: JsonPropertyName("models_run")] bool ModelsRun,
    [property: JsonPropertyName("per_frame")] IReadOnlyList<RealFrameFigures> PerFrame);
