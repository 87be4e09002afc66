namespace Stow.Hardware.Eoat;

/// <summary>
/// One sample of the end-of-arm tool: two squeezing paddles each carrying a belt, a thin extendable
/// spatula, and two item-present beams across the feed path. Feed axis: tool +x (towards the bin).
/// </summary>
public struct EoatState
{
    /// <summary>Gap between the paddles' inner faces [m].</summary>
    public double PaddleGap;

    /// <summary>Squeeze force of the paddles on the held item [N] (0 when nothing is held).</summary>
    public double SqueezeForce;

    /// <summary>Left belt surface speed [m/s], positive feeds towards the bin.</summary>
    public double LeftBeltSpeed;

    /// <summary>Right belt surface speed [m/s], positive feeds towards the bin.</summary>
    public double RightBeltSpeed;

    /// <summary>Left belt motor current [A].</summary>
    public double LeftBeltCurrent;

    /// <summary>Right belt motor current [A].</summary>
    public double RightBeltCurrent;

    /// <summary>Spatula extension beyond the paddle tips [m].</summary>
    public double SpatulaExtension;

    /// <summary>Rear beam (near the paddle root) is interrupted by an item.</summary>
    public bool RearBeamBlocked;

    /// <summary>Front beam (near the paddle tips) is interrupted by an item.</summary>
    public bool FrontBeamBlocked;

    /// <summary>Time of this sample [s].</summary>
    public double Stamp;

    /// <summary>True when either beam sees an item.</summary>
    public readonly bool ItemPresent => RearBeamBlocked || FrontBeamBlocked;
}
