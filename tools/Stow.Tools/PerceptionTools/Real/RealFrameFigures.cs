using System.Text.Json.Serialization;

namespace Stow.Tools.PerceptionTools.Real;

/// <summary>Figures for one real frame. Volumes [m³]; errors as fractions of the bin volume unless named [m].</summary>
/// <param name="Frame">Frame number.</param>
/// <param name="SeesOpening">At least <see cref="RealPerceptionEval.MinVisibleFraction"/> of the opening lies inside the image.</param>
/// <param name="VisibleFraction">Fraction of the opening's area inside the image.</param>
/// <param name="ValidDepthFraction">Fraction of image pixels with a depth return.</param>
/// <param name="ReferenceFreeVolume">Reference free volume from masks, depth and bin size [m³].</param>
/// <param name="GeometricFreeVolume">Geometric (no-model) estimate [m³].</param>
/// <param name="ModelFreeVolume">Band + space model estimate [m³]: the integral of its free-depth map, the same
/// front-visible quantity as the reference (null when the models were not run).</param>
/// <param name="GeometricDepthMae">Free-depth MAE of the geometric estimate over the grid [m].</param>
/// <param name="ModelDepthMae">Free-depth MAE of the model estimate [m] (null when not run).</param>
/// <param name="ItemPoints">Masked item pixels with depth that fell inside the bin's opening.</param>
/// <param name="RegistrationMedianDiff">Median |registered raw depth − toolbox-aligned depth| where both exist [m].</param>
/// <param name="ModelHeadFreeVolume">The space model's free-volume head [m³] (hidden space behind contents included, as learned
/// on simulator pods; not comparable with the front-visible reference), null when the models were not run or have no head.</param>
public sealed record RealFrameFigures(
    [property: JsonPropertyName("frame")] int Frame,
    [property: JsonPropertyName("sees_opening")] bool SeesOpening,
    [property: JsonPropertyName("visible_fraction")] double VisibleFraction,
    [property: JsonPropertyName("valid_depth_fraction")] double ValidDepthFraction,
    [property: JsonPropertyName("reference_free_volume_m3")] double ReferenceFreeVolume,
    [property: JsonPropertyName("geometric_free_volume_m3")] double GeometricFreeVolume,
    [property: JsonPropertyName("model_free_volume_m3")] double? ModelFreeVolume,
    [property: JsonPropertyName("geometric_free_depth_mae_m")] double GeometricDepthMae,
    [property: JsonPropertyName("model_free_depth_mae_m")] double? ModelDepthMae,
    [property: JsonPropertyName("item_points")] int ItemPoints,
    [property: JsonPropertyName("registration_median_diff_m")] double RegistrationMedianDiff,
    [property: JsonPropertyName("model_head_free_volume_m3")] double? ModelHeadFreeVolume = null);
