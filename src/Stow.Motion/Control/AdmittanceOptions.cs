using Stow.Core.Geometry;

namespace Stow.Motion.Control;

/// <summary>
/// Parameters of the Cartesian admittance M·ë + D·ė + K·e = F_ext (per axis, diagonal matrices), where
/// e = x − x_ref is the compliant offset of the commanded TCP from the reference (Hogan 1985, "Impedance
/// Control: An Approach to Manipulation", ASME J. Dyn. Syst. Meas. Control 107:1–24). Defaults give an
/// over-damped translational response (ωn = √(K/M) ≈ 22 rad/s, ζ = D/(2√(K·M)) ≈ 2.2) well below the
/// 1 kHz cycle; they are design assumptions, tunable per plan.
/// </summary>
public sealed record AdmittanceOptions
{
    /// <summary>Virtual mass per linear axis [kg].</summary>
    public Vec3 Mass { get; init; } = new(2, 2, 2);

    /// <summary>Virtual damping per linear axis [N·s/m].</summary>
    public Vec3 Damping { get; init; } = new(200, 200, 200);

    /// <summary>Virtual stiffness per linear axis [N/m].</summary>
    public Vec3 Stiffness { get; init; } = new(1000, 1000, 1000);

    /// <summary>Virtual inertia per rotational axis [kg·m²].</summary>
    public Vec3 Inertia { get; init; } = new(0.05, 0.05, 0.05);

    /// <summary>Virtual rotational damping [N·m·s/rad].</summary>
    public Vec3 AngularDamping { get; init; } = new(5, 5, 5);

    /// <summary>Virtual rotational stiffness [N·m/rad].</summary>
    public Vec3 AngularStiffness { get; init; } = new(25, 25, 25);

    /// <summary>Forces below this magnitude are treated as sensor noise and ignored [N].</summary>
    public double ForceDeadband { get; init; } = 1.0;

    /// <summary>Torques below this magnitude are ignored [N·m].</summary>
    public double TorqueDeadband { get; init; } = 0.05;

    /// <summary>Largest compliant offset [m]: the admittance never moves the command further from the reference.</summary>
    public double MaxOffset { get; init; } = 0.05;

    /// <summary>Largest rotational offset [rad].</summary>
    public double MaxAngularOffset { get; init; } = 0.2;

    /// <summary>Force magnitude that sets <see cref="AdmittanceController.ForceLimitExceeded"/> [N] (default 40 N, assumed
    /// safe for boxed goods and fabric bins).</summary>
    public double ForceLimit { get; init; } = 40;

    /// <summary>The defaults.</summary>
    public static AdmittanceOptions Default { get; } = new();
}
