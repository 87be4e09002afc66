namespace Stow.Motion.Timing;

/// <summary>
/// Time of straight TCP moves under a speed and an acceleration limit (trapezoidal velocity profile, rest to
/// rest): t = d/v + v/a when d ≥ v²/a, else t = 2·√(d/a) (triangular). Default limits are those of a
/// Universal Robots UR5e (e-Series datasheet: TCP speed 1 m/s; PolyScope default tool acceleration 1.2 m/s²),
/// the same limits the simulated arm obeys, so cycle-time and UPH estimates match the simulator.
/// Immutable, thread-safe.
/// </summary>
/// <param name="MaxSpeed">TCP speed limit [m/s], &gt; 0.</param>
/// <param name="MaxAcceleration">TCP acceleration limit [m/s²], &gt; 0.</param>
public sealed record MotionTimingModel(double MaxSpeed = 1.0, double MaxAcceleration = 1.2)
{
    /// <summary>The UR5e limits.</summary>
    public static MotionTimingModel UR5e { get; } = new();

    /// <summary>Time of a rest-to-rest straight move.</summary>
    /// <param name="distance">Path length [m], ≥ 0.</param>
    /// <param name="speed">Commanded speed [m/s]; capped at <see cref="MaxSpeed"/>; ≤ 0 means the limit.</param>
    /// <returns>Duration [s].</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative or non-finite distance.</exception>
    public double MoveTime(double distance, double speed = 0)
    {
        if (!(distance >= 0) || !double.IsFinite(distance))
        {
            throw new ArgumentOutOfRangeException(nameof(distance), distance, "distance must be finite and ≥ 0 m");
        }

        var v = speed > 0 ? Math.Min(speed, MaxSpeed) : MaxSpeed;
        var a = MaxAcceleration;
        return distance >= v * v / a ? (distance / v) + (v / a) : 2 * Math.Sqrt(distance / a);
    }

    /// <summary>Units per hour for a stow cycle of <paramref name="cycleTime"/>.</summary>
    /// <param name="cycleTime">Seconds per stowed unit, &gt; 0.</param>
    /// <returns>UPH.</returns>
    public static double UnitsPerHour(double cycleTime) => cycleTime > 0 ? 3600 / cycleTime : 0;
}
