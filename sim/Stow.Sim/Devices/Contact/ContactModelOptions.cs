namespace Stow.Sim.Devices.Contact;

/// <summary>
/// Spring-damper contact parameters: normal force F = k·δ + c·δ̇ (Kelvin–Voigt / Hunt–Crossley linear case),
/// clamped at ≥ 0, with k taken from each solid; items slide when F exceeds Coulomb friction μ·m·g.
/// Values are assumptions of this design (fabric bins, boxed goods), tunable from config.
/// </summary>
/// <param name="Damping">Contact damping c [N·s/m].</param>
/// <param name="Friction">Item-on-fabric sliding friction coefficient μ [-].</param>
/// <param name="Gravity">g [m/s²] (standard gravity, ISO 80000-3).</param>
public sealed record ContactModelOptions(double Damping = 30, double Friction = 0.4, double Gravity = 9.80665)
{
    /// <summary>The default parameters.</summary>
    public static ContactModelOptions Default { get; } = new();
}
