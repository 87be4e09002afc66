using Stow.Hardware.Lifecycle;

namespace Stow.Hardware.Eoat;

/// <summary>
/// End-of-arm tool: paddles with belts, spatula, beams, belt motor currents.
/// <para>Threading: used from the control-loop thread; setters store values only, no allocation.</para>
/// <para>Lifecycle: setters return <see cref="CommandStatus.NotActive"/> unless Active; out-of-range or
/// non-finite values return <see cref="CommandStatus.Invalid"/>.</para>
/// </summary>
public interface IEoat : ICommandedComponent
{
    /// <summary>Latest states, refreshed by <c>Read</c>.</summary>
    EoatState State { get; }

    /// <summary>Stores a paddle command.</summary>
    /// <param name="gap">Target gap [m], ≥ 0.</param>
    /// <param name="squeezeForceLimit">Force at which closing stops [N], ≥ 0.</param>
    /// <returns>The command status.</returns>
    CommandStatus CommandPaddles(double gap, double squeezeForceLimit);

    /// <summary>Stores belt speed set-points.</summary>
    /// <param name="left">Left belt [m/s].</param>
    /// <param name="right">Right belt [m/s].</param>
    /// <returns>The command status.</returns>
    CommandStatus CommandBelts(double left, double right);

    /// <summary>Stores a spatula extension set-point.</summary>
    /// <param name="extension">Extension [m], ≥ 0 and within the device's stroke.</param>
    /// <returns>The command status.</returns>
    CommandStatus CommandSpatula(double extension);
}
