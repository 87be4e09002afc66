namespace Stow.Motion.Primitives;

/// <summary>
/// Speeds, force and time bounds of the motion primitives. Defaults are design assumptions (to be tuned on
/// the cell); speeds stay within the arm's documented limits (UR5e: 1 m/s TCP). Immutable; a plan may carry
/// its own.
/// </summary>
public sealed record PrimitiveLimits
{
    /// <summary>Free-space TCP speed [m/s].</summary>
    public double TransitSpeed { get; init; } = 0.5;

    /// <summary>TCP speed in contact (sweep, flip, slot) [m/s].</summary>
    public double ContactSpeed { get; init; } = 0.05;

    /// <summary>
    /// TCP speed of a guarded search that stops on <see cref="ContactThreshold"/> (the stack's descent onto the contents)
    /// [m/s]. Kept low because the arm keeps moving after the threshold is crossed: its braking distance v²/(2a) plus one
    /// control period of latency, against contents of about 5 kN/m, must stay well under the margin between
    /// <see cref="ContactThreshold"/> and <see cref="ContactForceLimit"/> (22 N ≈ 4 mm). At 0.03 m/s and UR5e's 1.2 m/s²
    /// that is under 0.5 mm; at the tuned contact speed of 0.1 m/s it was about 4 mm, and the spatula's withdrawal that
    /// follows the search stopped on the force limit (measured in the default run: 22 holds).
    /// </summary>
    public double SearchSpeed { get; init; } = 0.05;

    /// <summary>Force limit of free-space moves (collision) [N].</summary>
    public double TransitForceLimit { get; init; } = 40;

    /// <summary>Force limit of contact moves [N].</summary>
    public double ContactForceLimit { get; init; } = 30;

    /// <summary>Force that counts as touching a surface in guarded searches (stack) [N].</summary>
    public double ContactThreshold { get; init; } = 8;

    /// <summary>Belt feed speed for insertion [m/s].</summary>
    public double FeedSpeed { get; init; } = 0.3;

    /// <summary>Belt motor current above which a belt counts as jammed [A].</summary>
    public double JamCurrent { get; init; } = 2.5;

    /// <summary>Time the jam current must persist [s].</summary>
    public double JamTime { get; init; } = 0.05;

    /// <summary>A move stalls when the TCP moves slower than this fraction of its reference speed… (below the
    /// ≈ 17 % that the default admittance in series with a 5 kN/m wall still lets through).</summary>
    public double StallSpeedRatio { get; init; } = 0.1;

    /// <summary>…for this long [s].</summary>
    public double StallTime { get; init; } = 0.5;

    /// <summary>Distance to the target that counts as arrived [m].</summary>
    public double PositionTolerance { get; init; } = 0.003;

    /// <summary>Extra time allowed for a move beyond distance/speed, and for a device step [s].</summary>
    public double TimeMargin { get; init; } = 2.0;

    /// <summary>Distance of the approach pose in front of the bin opening [m].</summary>
    public double Standoff { get; init; } = 0.15;

    /// <summary>Position of the paddle tips in front of the opening during insertion (negative x) [m].</summary>
    public double InsertionClearance { get; init; } = 0.005;

    /// <summary>Time bound of band engagement and release [s].</summary>
    public double BandTimeout { get; init; } = 3.0;

    /// <summary>
    /// Force rise [N] allowed above the force at the start of a relief segment (<see cref="MotionSegment.Relief"/>):
    /// a retract out of a contact that is already over its limit may go on while the force falls or stays, and stops if
    /// it grows by more than this (the tool is dragging something along). 10 N: above the wrench noise of the simulated
    /// and UR e-Series F/T readings (≈ 1-3 N at 500 Hz), below the contact limit.
    /// </summary>
    public double ReliefMargin { get; init; } = 10;

    /// <summary>The defaults.</summary>
    public static PrimitiveLimits Default { get; } = new();
}
