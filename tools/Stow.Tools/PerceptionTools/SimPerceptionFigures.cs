using System.Text.Json.Serialization;

namespace Stow.Tools.PerceptionTools;

/// <summary>
/// Figures of <see cref="SimPerceptionEval"/>. Percentages are of each bin's volume. The true free volume is the bin volume
/// less its contents, space hidden behind contents included; a free-depth map seen from the front holds only the space in
/// front of the first contents, so a perfect map still misses the hidden share (<see cref="FrontMapFreeVolumeMaePct"/>).
/// </summary>
/// <param name="Scenes">Scenes evaluated.</param>
/// <param name="Bins">Bins evaluated.</param>
/// <param name="FreeVolumeMaePct">Mean |estimated − true free volume| / bin volume × 100 (the estimate's own free volume).</param>
/// <param name="MapFreeVolumeMaePct">Mean |integral of the estimated map − integral of the true map| / bin volume × 100.</param>
/// <param name="FrontMapFreeVolumeMaePct">Mean |integral of the true map − true free volume| / bin volume × 100: the error of a perfect front view.</param>
/// <param name="FreeDepthMaeM">Mean |estimated − true free depth| over all grid cells [m].</param>
/// <param name="OverEstimatePct">Grid cells whose estimated free depth exceeds the truth by more than 3 cm [%]: the error that
/// leaves an item protruding.</param>
/// <param name="BandIou">Intersection over union of predicted (p &gt; 0.5) and true band pixels over all crops.</param>
/// <param name="LargestBoxErrorPct">Mean |estimated − true largest-box volume| / bin volume × 100.</param>
/// <param name="FaceMsP50">Pipeline latency per face, p50 [ms].</param>
/// <param name="FaceMsP99">Pipeline latency per face, p99 [ms].</param>
public sealed record SimPerceptionFigures(
    [property: JsonPropertyName("scenes")] int Scenes,
    [property: JsonPropertyName("bins")] int Bins,
    [property: JsonPropertyName("free_volume_mae_pct")] double FreeVolumeMaePct,
    [property: JsonPropertyName("map_free_volume_mae_pct")] double MapFreeVolumeMaePct,
    [property: JsonPropertyName("front_map_free_volume_mae_pct")] double FrontMapFreeVolumeMaePct,
    [property: JsonPropertyName("free_depth_mae_m")] double FreeDepthMaeM,
    [property: JsonPropertyName("over_estimate_cells_pct")] double OverEstimatePct,
    [property: JsonPropertyName("band_iou")] double BandIou,
    [property: JsonPropertyName("largest_box_error_pct")] double LargestBoxErrorPct,
    [property: JsonPropertyName("face_ms_p50")] double FaceMsP50,
    [property: JsonPropertyName("face_ms_p99")] double FaceMsP99);
