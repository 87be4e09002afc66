namespace Stow.Hardware.Drivers;

/// <summary>
/// Ranges of an EOAT controller (assumptions matching the simulated EOAT, <c>SimEoatOptions</c> and
/// <c>EoatGeometry.Default</c>; take them from the controller's datasheet on a live cell). Commands outside them are
/// refused; status samples outside them (plus <see cref="SampleTolerance"/>) are refused as corrupt. Immutable.
/// </summary>
public sealed record ModbusEoatLimits
{
    /// <summary>Widest paddle gap [m].</summary>
    public double MaxPaddleGap { get; init; } = 0.3;

    /// <summary>Highest squeeze force limit [N].</summary>
    public double MaxSqueezeForce { get; init; } = 200;

    /// <summary>Squeeze force limit commanded on activation [N].</summary>
    public double DefaultSqueezeForce { get; init; } = 20;

    /// <summary>Fastest belt speed, either sign [m/s].</summary>
    public double MaxBeltSpeed { get; init; } = 0.5;

    /// <summary>Spatula stroke [m].</summary>
    public double MaxSpatulaExtension { get; init; } = 0.35;

    /// <summary>Highest plausible belt motor current [A] (stall current with margin).</summary>
    public double MaxCurrent { get; init; } = 10;

    /// <summary>Relative margin beyond a range before a measured value counts as corrupt (overshoot, noise).</summary>
    public double SampleTolerance { get; init; } = 0.1;
}
