using Stow.Core.Geometry;

namespace Stow.Sim.Devices.Contact;

/// <summary>
/// Computes the external wrench on the EOAT from its spatula and paddles pressing into solids, and pushes
/// movable items that the contact force can slide. Penetration is taken along the axis of least overlap
/// (minimum translation vector). Preallocated; no allocation per call.
/// Threading: one instance per simulated arm, control-loop thread only.
/// </summary>
public sealed class ToolContactModel
{
    private readonly ContactSolid[] _buffer = new ContactSolid[64];
    private readonly ContactModelOptions _options;
    private readonly EoatGeometry _tool;

    /// <summary>Creates a model.</summary>
    /// <param name="options">Spring-damper and friction parameters.</param>
    /// <param name="tool">EOAT geometry.</param>
    public ToolContactModel(ContactModelOptions options, EoatGeometry tool)
    {
        _options = options;
        _tool = tool;
    }

    /// <summary>Largest penetration seen by the last <see cref="Compute"/> [m].</summary>
    public double LastPenetration { get; private set; }

    /// <summary>Computes the contact wrench about the TCP, pushing items first.</summary>
    /// <param name="geometry">What the tool can touch.</param>
    /// <param name="tcp">TCP position in the pod face frame [m].</param>
    /// <param name="velocity">TCP linear velocity [m/s].</param>
    /// <param name="spatulaExtension">Spatula extension [m].</param>
    /// <param name="paddleGap">Paddle gap [m].</param>
    /// <returns>Force [N] and torque [N·m] on the tool, in pod face frame axes.</returns>
    public Wrench Compute(IContactGeometry geometry, Vec3 tcp, Vec3 velocity, double spatulaExtension, double paddleGap)
    {
        LastPenetration = 0;
        var total = Wrench.Zero;
        var t = _tool;
        if (spatulaExtension > 1e-4)
        {
            var h = t.SpatulaThickness / 2;
            var blade = new Box3(tcp + new Vec3(0, -h, -t.SpatulaHeight / 2), tcp + new Vec3(spatulaExtension, h, t.SpatulaHeight / 2));
            total += BoxContact(geometry, blade, tcp, velocity);
        }

        var g = paddleGap / 2;
        var zl = -t.PaddleHeight / 2;
        var left = new Box3(tcp + new Vec3(-t.PaddleLength, g, zl), tcp + new Vec3(0, g + t.PaddleThickness, -zl));
        var right = new Box3(tcp + new Vec3(-t.PaddleLength, -g - t.PaddleThickness, zl), tcp + new Vec3(0, -g, -zl));
        total += BoxContact(geometry, left, tcp, velocity);
        total += BoxContact(geometry, right, tcp, velocity);
        return total;
    }

    private Wrench BoxContact(IContactGeometry geometry, Box3 tool, Vec3 tcp, Vec3 velocity)
    {
        var n = geometry.Query(tool, _buffer);
        var total = Wrench.Zero;
        for (var i = 0; i < n; i++)
        {
            var s = _buffer[i];
            if (!Penetration(tool, s.Box, out var axis, out var depth, out var sign))
            {
                continue;
            }

            if (s.Movable && s.Stiffness > 0)
            {
                var slideDepth = _options.Friction * s.Mass * _options.Gravity / s.Stiffness;
                if (depth > slideDepth)
                {
                    var moved = geometry.Push(s.Id, axis, -sign * (depth - slideDepth));
                    depth -= Math.Abs(moved);
                }
            }

            if (depth <= 0)
            {
                continue;
            }

            LastPenetration = Math.Max(LastPenetration, depth);
            var normal = Unit(axis, sign);
            var rate = -Vec3.Dot(velocity, normal);
            var magnitude = Math.Max(0, (s.Stiffness * depth) + (_options.Damping * rate));
            var force = normal * magnitude;
            var point = Centre(tool, s.Box);
            total += new Wrench(force, Vec3.Cross(point - tcp, force));
        }

        return total;
    }

    private static bool Penetration(Box3 tool, Box3 solid, out int axis, out double depth, out int sign)
    {
        axis = 0;
        depth = double.MaxValue;
        sign = 1;
        Span<double> tMin = [tool.Min.X, tool.Min.Y, tool.Min.Z];
        Span<double> tMax = [tool.Max.X, tool.Max.Y, tool.Max.Z];
        Span<double> sMin = [solid.Min.X, solid.Min.Y, solid.Min.Z];
        Span<double> sMax = [solid.Max.X, solid.Max.Y, solid.Max.Z];
        for (var k = 0; k < 3; k++)
        {
            var o = Math.Min(tMax[k], sMax[k]) - Math.Max(tMin[k], sMin[k]);
            if (o <= 0)
            {
                return false;
            }

            // Push-out direction: the side of the solid the tool's centre is on.
            var tc = (tMin[k] + tMax[k]) / 2;
            var sc = (sMin[k] + sMax[k]) / 2;
            var d = tc >= sc ? sMax[k] - tMin[k] : tMax[k] - sMin[k];
            if (d < depth)
            {
                depth = d;
                axis = k;
                sign = tc >= sc ? 1 : -1;
            }
        }

        return true;
    }

    private static Vec3 Unit(int axis, int sign) => axis switch
    {
        0 => new Vec3(sign, 0, 0),
        1 => new Vec3(0, sign, 0),
        _ => new Vec3(0, 0, sign),
    };

    private static Vec3 Centre(Box3 a, Box3 b) => new(
        (Math.Max(a.Min.X, b.Min.X) + Math.Min(a.Max.X, b.Max.X)) / 2,
        (Math.Max(a.Min.Y, b.Min.Y) + Math.Min(a.Max.Y, b.Max.Y)) / 2,
        (Math.Max(a.Min.Z, b.Min.Z) + Math.Min(a.Max.Z, b.Max.Z)) / 2);
}
