namespace Stow.Hardware.Eoat;

/// <summary>Pending EOAT command, written by <c>Write</c>. Plain struct.</summary>
public struct EoatCommand
{
    /// <summary>Target paddle gap [m].</summary>
    public double PaddleGap;

    /// <summary>Squeeze force limit [N]: the paddles stop closing at this force.</summary>
    public double SqueezeForceLimit;

    /// <summary>Left belt speed set-point [m/s].</summary>
    public double LeftBeltSpeed;

    /// <summary>Right belt speed set-point [m/s].</summary>
    public double RightBeltSpeed;

    /// <summary>Target spatula extension [m].</summary>
    public double SpatulaExtension;
}
