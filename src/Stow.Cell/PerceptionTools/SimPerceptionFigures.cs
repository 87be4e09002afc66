using System.Text.Json.Serialization;

namespace Stow.Cell.PerceptionTools;

/// <summary>Figures of <see cref="SimPerceptionEval"/>. Fractions are of each bin's volume.</summary>
/// <param name="Scenes">Scenes evaluated.</param>
/// <param name="Bins">Bins evaluated.</param>
/// <param name="FreeVolumeMae">Mean |estimated − true free volume| / bin volume.</param>
/// <param name="FreeVolumeMaeOfTrueMap">The same error for a perfect free-depth map (what the front view cannot see: space hidden behind items).</param>
/// <param name="BandMaskIou">Intersection over union of predicted (p &gt; 0.5) and true band pixels over all crops.</param>
/// <param name="LargestBoxError">Mean |estimated − true largest-box volume| / bin volume.</param>
/// <param name="FaceMsP50">Pipeline latency per face, p50 [ms].</param>
/// <param name="FaceMsP99">Pipeline latency per face, p99 [ms].</param>
public sealed record SimPerceptionFigures(
    [property: JsonPropertyName("scenes")] int Scenes,
    [property: JsonPropertyName("bins")] int Bins,
    [property: JsonPropertyName("free_volume_mae")] double FreeVolumeMae,
    [property: JsonPropertyName("free_volume_mae_of_true_map")] double FreeVolumeMaeOfTrueMap,
    [property: JsonPropertyName("band_mask_iou")] double BandMaskIou,
    [property: JsonPropertyName("largest_box_error")] double LargestBoxError,
    [property: JsonPropertyName("face_ms_p50")] double FaceMsP50,
    [property: JsonPropertyName("face_ms_p99")] double FaceMsP99);
