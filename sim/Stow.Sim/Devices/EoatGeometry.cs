namespace Stow.Sim.Devices;

/// <summary>
/// Simplified EOAT geometry used for contact, in the tool frame whose origin is the TCP at the middle of
/// the paddle tips (x along the feed direction into the bin, y across the paddles, z up). The tool is taken
/// axis-aligned with the pod face frame for contact (its orientation is ignored: a documented simplification).
/// Dimensions are assumptions of this design, not a datasheet.
/// </summary>
/// <param name="PaddleLength">Paddle length behind the TCP along x [m].</param>
/// <param name="PaddleHeight">Paddle height along z [m].</param>
/// <param name="PaddleThickness">Thickness of one paddle along y [m].</param>
/// <param name="SpatulaHeight">Height of the spatula blade along z [m] (a vertical blade that sweeps along y).</param>
/// <param name="SpatulaThickness">Blade thickness along y [m].</param>
/// <param name="SpatulaStroke">Maximum extension beyond the TCP along x [m].</param>
/// <param name="RearBeamX">Rear beam position, measured from the paddle root towards the tips [m].</param>
/// <param name="FrontBeamX">Front beam position, measured from the paddle root [m].</param>
public sealed record EoatGeometry(
    double PaddleLength = 0.25,
    double PaddleHeight = 0.12,
    double PaddleThickness = 0.012,
    double SpatulaHeight = 0.08,
    double SpatulaThickness = 0.003,
    double SpatulaStroke = 0.35,
    double RearBeamX = 0.03,
    double FrontBeamX = 0.23)
{
    /// <summary>The default geometry.</summary>
    public static EoatGeometry Default { get; } = new();
}
