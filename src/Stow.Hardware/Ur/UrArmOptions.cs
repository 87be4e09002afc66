using System.Globalization;
using Stow.Core.Geometry;
using Stow.Hardware.Management;

namespace Stow.Hardware.Ur;

/// <summary>
/// Settings of the <see cref="UrArm"/> driver (<c>ur.arm</c>), from the component's <c>params</c> (keys: the property
/// names in camelCase; base pose as baseX, baseY, baseZ [m], baseRoll, basePitch, baseYaw [rad]). Times in seconds,
/// SI units. Immutable.
/// </summary>
public sealed record UrArmOptions
{
    /// <summary>Controller address.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>RTDE port (30004 on a controller).</summary>
    public int RtdePort { get; init; } = 30004;

    /// <summary>Secondary interface port (30002).</summary>
    public int SecondaryPort { get; init; } = 30002;

    /// <summary>Dashboard server port (29999).</summary>
    public int DashboardPort { get; init; } = 29999;

    /// <summary>RTDE output frequency [Hz] (e-Series: up to 500).</summary>
    public double Frequency { get; init; } = 500;

    /// <summary>Pose of the arm's base frame in the cell frame (the driver reports and takes cell-frame poses).</summary>
    public Pose BasePose { get; init; } = Pose.Identity;

    /// <summary>Time the host's watchdog counter may stall before the program stops the arm [s].</summary>
    public double WatchdogTimeout { get; init; } = 0.1;

    /// <summary>Tool acceleration of the program's speedl and stopl [m/s²] (PolyScope default 1.2).</summary>
    public double Acceleration { get; init; } = 1.2;

    /// <summary>Oldest controller state a <c>Read</c> accepts, measured on the wall clock [s] (then Read returns Error).</summary>
    public double StateTimeout { get; init; } = 0.1;

    /// <summary>Deadline of each step of configure and activate (connection, power on, brake release, program start) [s].</summary>
    public double ActivateTimeout { get; init; } = 5;

    /// <summary>Pose-mode tracking: time constant τ of v = e/τ [s].</summary>
    public double TimeConstant { get; init; } = 0.02;

    /// <summary>Pose-mode tracking: how far ahead the pose is predicted from the measured twist to cover the
    /// state-to-motion latency [s] (default five controller steps at 500 Hz, for a loaded host).</summary>
    public double LatencyCompensation { get; init; } = 0.01;

    /// <summary>Largest commanded TCP speed [m/s] (UR5e/UR10e datasheet: 1 m/s).</summary>
    public double MaxLinearSpeed { get; init; } = 1.0;

    /// <summary>Largest commanded TCP angular speed [rad/s].</summary>
    public double MaxAngularSpeed { get; init; } = Math.PI;

    /// <summary>Pose-mode braking acceleration [m/s²] (speed limited to √(2·a·|e|) near the target).</summary>
    public double MaxLinearAcceleration { get; init; } = 1.2;

    /// <summary>Pose-mode angular braking acceleration [rad/s²].</summary>
    public double MaxAngularAcceleration { get; init; } = 1.5;

    /// <summary>Reads options from a component configuration.</summary>
    /// <param name="c">The component entry.</param>
    /// <returns>The options.</returns>
    /// <exception cref="FormatException">A value is out of range; the message names the component and key.</exception>
    public static UrArmOptions FromConfig(ComponentConfig c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var d = new UrArmOptions();
        var o = new UrArmOptions
        {
            Host = c.GetString("host", d.Host),
            RtdePort = Port(c, "rtdePort", d.RtdePort),
            SecondaryPort = Port(c, "secondaryPort", d.SecondaryPort),
            DashboardPort = Port(c, "dashboardPort", d.DashboardPort),
            Frequency = Positive(c, "frequency", d.Frequency, 500),
            BasePose = new Pose(
                new Vec3(c.GetDouble("baseX", 0), c.GetDouble("baseY", 0), c.GetDouble("baseZ", 0)),
                Quat.FromRpy(c.GetDouble("baseRoll", 0), c.GetDouble("basePitch", 0), c.GetDouble("baseYaw", 0))),
            WatchdogTimeout = Positive(c, "watchdogTimeout", d.WatchdogTimeout, 10),
            Acceleration = Positive(c, "acceleration", d.Acceleration, 10),
            StateTimeout = Positive(c, "stateTimeout", d.StateTimeout, 10),
            ActivateTimeout = Positive(c, "activateTimeout", d.ActivateTimeout, 60),
            TimeConstant = Positive(c, "timeConstant", d.TimeConstant, 1),
            LatencyCompensation = Math.Clamp(c.GetDouble("latencyCompensation", d.LatencyCompensation), 0, 0.1),
            MaxLinearSpeed = Positive(c, "maxLinearSpeed", d.MaxLinearSpeed, 5),
            MaxAngularSpeed = Positive(c, "maxAngularSpeed", d.MaxAngularSpeed, 10),
            MaxLinearAcceleration = Positive(c, "maxLinearAcceleration", d.MaxLinearAcceleration, 20),
            MaxAngularAcceleration = Positive(c, "maxAngularAcceleration", d.MaxAngularAcceleration, 20),
        };
        return o;
    }

    private static int Port(ComponentConfig c, string key, int fallback)
    {
        var p = c.GetInt64(key, fallback);
        return p is > 0 and <= 65535
            ? (int)p
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"hardware component '{c.Name}': '{key}' {p} is not a TCP port (1..65535)"));
    }

    private static double Positive(ComponentConfig c, string key, double fallback, double max)
    {
        var v = c.GetDouble(key, fallback);
        return v > 0 && v <= max
            ? v
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"hardware component '{c.Name}': '{key}' {v} is outside (0, {max}]"));
    }
}
