using Stow.Core.Geometry;

namespace Stow.Motion.Control;

/// <summary>
/// Cartesian admittance at the TCP: integrates M·ë + D·ė + K·e = F_ext per axis (semi-implicit Euler) and
/// returns the commanded pose x_cmd = x_ref ⊕ e, so the tool yields to contact forces like a mass-damper-spring
/// (Hogan 1985). Sets <see cref="ForceLimitExceeded"/> when |F_ext| exceeds the force limit.
/// No allocation. Threading: control-loop thread only.
/// </summary>
public sealed class AdmittanceController
{
    private Vec3 _e;
    private Vec3 _de;
    private Vec3 _r;
    private Vec3 _dr;

    /// <summary>Creates a controller.</summary>
    /// <param name="options">Admittance parameters.</param>
    public AdmittanceController(AdmittanceOptions options) => Options = options;

    /// <summary>Parameters in force; may be replaced between moves (outside or inside the loop, no allocation).</summary>
    public AdmittanceOptions Options { get; set; }

    /// <summary>Current linear offset e [m].</summary>
    public Vec3 Offset => _e;

    /// <summary>Current rotational offset (rotation vector) [rad].</summary>
    public Vec3 AngularOffset => _r;

    /// <summary>True when the last update saw |F| above <see cref="AdmittanceOptions.ForceLimit"/>.</summary>
    public bool ForceLimitExceeded { get; private set; }

    /// <summary>Magnitude of the last measured force [N].</summary>
    public double LastForce { get; private set; }

    /// <summary>Clears the offsets (call when a new reference starts at the measured pose).</summary>
    public void Reset()
    {
        _e = _de = _r = _dr = Vec3.Zero;
        ForceLimitExceeded = false;
    }

    /// <summary>One integration step.</summary>
    /// <param name="reference">Reference TCP pose x_ref.</param>
    /// <param name="wrench">Measured external wrench at the TCP [N, N·m].</param>
    /// <param name="dt">Step [s], &gt; 0.</param>
    /// <returns>The commanded TCP pose.</returns>
    public Pose Update(in Pose reference, in Wrench wrench, double dt)
    {
        var o = Options;
        var f = wrench.Force;
        LastForce = f.Length;
        ForceLimitExceeded = LastForce > o.ForceLimit;
        f = Deadband(f, o.ForceDeadband);
        var t = Deadband(wrench.Torque, o.TorqueDeadband);
        if (dt > 0)
        {
            _de += Div(f - Mul(o.Damping, _de) - Mul(o.Stiffness, _e), o.Mass) * dt;
            _e = (_e + (_de * dt)).ClampLength(o.MaxOffset);
            _dr += Div(t - Mul(o.AngularDamping, _dr) - Mul(o.AngularStiffness, _r), o.Inertia) * dt;
            _r = (_r + (_dr * dt)).ClampLength(o.MaxAngularOffset);
        }

        var angle = _r.Length;
        var q = angle > 1e-12 ? Quat.FromAxisAngle(_r / angle, angle) * reference.Orientation : reference.Orientation;
        return new Pose(reference.Position + _e, q);
    }

    private static Vec3 Deadband(Vec3 v, double band)
    {
        var l = v.Length;
        return l <= band ? Vec3.Zero : v * ((l - band) / l);
    }

    private static Vec3 Mul(Vec3 a, Vec3 b) => new(a.X * b.X, a.Y * b.Y, a.Z * b.Z);

    private static Vec3 Div(Vec3 a, Vec3 b) => new(a.X / b.X, a.Y / b.Y, a.Z / b.Z);
}
