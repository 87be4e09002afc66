namespace Stow.Sim.Rendering;

/// <summary>
/// Noise of the simulated RGB-D sensor, applied to the observed RGB and depth only (the band-free
/// ground truth stays noise-free). Immutable.
/// </summary>
/// <remarks>
/// Depth noise is Gaussian along the optical axis with σ(z) = <see cref="DepthSigmaAt1M"/>·(z / 1 m)²:
/// the random error of structured-light / stereo depth grows with the square of the range
/// (K. Khoshelham and S. O. Elberink, "Accuracy and resolution of Kinect depth data for indoor
/// mapping applications", Sensors 12(2):1437–1454, 2012: ~1.5 mm at 1 m up to ~4 cm at 5 m;
/// C. V. Nguyen, S. Izadi, D. Lovell, "Modeling Kinect sensor noise for improved 3D reconstruction
/// and tracking", 3DIMPVT 2012: σ = 1.2 mm + 1.9 mm·(z − 0.4 m)²). Depth outside
/// [<see cref="MinRange"/>, <see cref="MaxRange"/>] reads 0 (no return). RGB noise is Gaussian per channel,
/// drawn from 256 quantiles (so within ±2.9σ), rounded to whole levels and saturated to 0..255. Both
/// come from one SplitMix64 stream seeded by the render's seed: depth first (row-major, valid pixels
/// only), then colour, so a seed reproduces a frame byte for byte.
/// </remarks>
/// <param name="DepthSigmaAt1M">Depth noise σ at 1 m [m]; 0 disables depth noise.</param>
/// <param name="RgbSigma">RGB noise σ [8-bit levels]; 0 disables colour noise.</param>
/// <param name="MinRange">Closest measurable depth [m] (RealSense D435 ~0.3 m).</param>
/// <param name="MaxRange">Farthest measurable depth [m].</param>
public sealed record SensorNoiseOptions(
    double DepthSigmaAt1M = 0.0015,
    double RgbSigma = 2.0,
    double MinRange = 0.2,
    double MaxRange = 8.0)
{
    /// <summary>The default Kinect-like sensor.</summary>
    public static SensorNoiseOptions Default { get; } = new();

    /// <summary>A perfect sensor (same ranges, no noise): observed images equal ground truth outside bands.</summary>
    public static SensorNoiseOptions None { get; } = new(0, 0);
}
