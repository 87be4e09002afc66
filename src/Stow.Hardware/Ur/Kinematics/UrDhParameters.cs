namespace Stow.Hardware.Ur.Kinematics;

/// <summary>
/// Denavit–Hartenberg parameters (standard convention) of a six-joint Universal Robots arm [m]. All θ offsets are 0;
/// α = (π/2, 0, 0, π/2, −π/2, 0); a = (0, <see cref="A2"/>, <see cref="A3"/>, 0, 0, 0);
/// d = (<see cref="D1"/>, 0, 0, <see cref="D4"/>, <see cref="D5"/>, <see cref="D6"/>).
/// Source: Universal Robots, "DH Parameters for calculations of kinematics and dynamics" (support article, e-Series
/// values valid from software 5.1.0). Immutable.
/// </summary>
/// <param name="D1">Shoulder height d1 [m].</param>
/// <param name="A2">Upper-arm length a2 [m] (negative in UR's table).</param>
/// <param name="A3">Forearm length a3 [m] (negative in UR's table).</param>
/// <param name="D4">Wrist 1 offset d4 [m].</param>
/// <param name="D5">Wrist 2 offset d5 [m].</param>
/// <param name="D6">Flange offset d6 [m].</param>
public readonly record struct UrDhParameters(double D1, double A2, double A3, double D4, double D5, double D6)
{
    /// <summary>UR3e: d1 0.15185, a2 −0.24355, a3 −0.2132, d4 0.13105, d5 0.08535, d6 0.0921 (UR's table).</summary>
    public static UrDhParameters Ur3e => new(0.15185, -0.24355, -0.2132, 0.13105, 0.08535, 0.0921);

    /// <summary>UR5e: d1 0.1625, a2 −0.425, a3 −0.3922, d4 0.1333, d5 0.0997, d6 0.0996 (UR's table).</summary>
    public static UrDhParameters Ur5e => new(0.1625, -0.425, -0.3922, 0.1333, 0.0997, 0.0996);

    /// <summary>UR10e: d1 0.1807, a2 −0.6127, a3 −0.57155, d4 0.17415, d5 0.11985, d6 0.11655 (UR's table).</summary>
    public static UrDhParameters Ur10e => new(0.1807, -0.6127, -0.57155, 0.17415, 0.11985, 0.11655);

    /// <summary>UR16e: d1 0.1807, a2 −0.4784, a3 −0.36, d4 0.17415, d5 0.11985, d6 0.11655 (UR's table).</summary>
    public static UrDhParameters Ur16e => new(0.1807, -0.4784, -0.36, 0.17415, 0.11985, 0.11655);

    /// <summary>The table of a model.</summary>
    /// <param name="model">The arm model.</param>
    /// <returns>Its parameters.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Unknown model.</exception>
    public static UrDhParameters For(UrModel model) => model switch
    {
        UrModel.Ur3e => Ur3e,
        UrModel.Ur5e => Ur5e,
        UrModel.Ur10e => Ur10e,
        UrModel.Ur16e => Ur16e,
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "unknown UR model"),
    };

    /// <summary>Parses a model name as used in configuration ("ur3e", "ur5e", "ur10e", "ur16e", case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The name is none of those.</exception>
    public static UrModel ParseModel(string name) => name?.Trim().ToUpperInvariant() switch
    {
        "UR3E" => UrModel.Ur3e,
        "UR5E" => UrModel.Ur5e,
        "UR10E" => UrModel.Ur10e,
        "UR16E" => UrModel.Ur16e,
        _ => throw new FormatException($"UR model '{name}' is not one of ur3e, ur5e, ur10e, ur16e"),
    };
}
