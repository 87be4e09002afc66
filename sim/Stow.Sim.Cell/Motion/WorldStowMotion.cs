using Stow.Cell.Shift;
using Stow.Sim.Cell.World;

namespace Stow.Sim.Cell.Motion;

/// <summary>
/// The simulator's physics of a stow behind the simulated hardware: after the motion on the simulated devices
/// succeeded, the item leaves the paddles into the world's bin with the world's seeded outcome model
/// (<see cref="SimShiftWorld.Apply"/>); the cell reads the result only through its sensors. Delegates everything else to
/// the wrapped motion. Threading: the shift thread only. Owns the wrapped motion.
/// </summary>
public sealed class WorldStowMotion : IShiftMotion, IDisposable
{
    private readonly IShiftMotion _inner;
    private readonly SimShiftWorld _world;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The motion on the simulated hardware; owned.</param>
    /// <param name="world">The simulated world.</param>
    public WorldStowMotion(IShiftMotion inner, SimShiftWorld world)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(world);
        _inner = inner;
        _world = world;
    }

    /// <summary>The wrapped motion.</summary>
    public IShiftMotion Inner => _inner;

    /// <inheritdoc />
    public double JitterP99Ms => _inner.JitterP99Ms;

    /// <inheritdoc />
    public LoopPacing Pacing => _inner.Pacing;

    /// <inheritdoc />
    public MotionReport Execute(StowAction action)
    {
        var report = _inner.Execute(action);
        if (report.Succeeded)
        {
            _world.Apply(action);
        }

        return report;
    }

    /// <inheritdoc />
    public void ClearFault() => _inner.ClearFault();

    /// <inheritdoc />
    public bool BringUp() => _inner.BringUp();

    /// <inheritdoc />
    public bool ItemInPaddles() => _inner.ItemInPaddles();

    /// <inheritdoc />
    public IReadOnlyList<double> JitterSamplesMs() => _inner.JitterSamplesMs();

    /// <inheritdoc />
    public void Dispose() => (_inner as IDisposable)?.Dispose();
}
