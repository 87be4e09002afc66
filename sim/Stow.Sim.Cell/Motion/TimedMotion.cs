using Stow.Core.Outcomes;
using Stow.Cell.Shift;
using Stow.Core.Space;
using Stow.Core.Time;
using Stow.Sim.Cell.World;

namespace Stow.Sim.Cell.Motion;

/// <summary>
/// Motion without the arm simulator, for planning evaluations: every sequence succeeds and takes a
/// fixed time per step on the virtual clock. Times are assumptions consistent with the published
/// cell's ~11-16 s per stow (224-326 UPH): <see cref="BaseSeconds"/> for approach, band separation,
/// insertion, retract and release, plus <see cref="PrimitiveSeconds"/> per space-making primitive.
/// </summary>
public sealed class TimedMotion : IShiftMotion
{
    /// <summary>Seconds of a plain stow.</summary>
    public const double BaseSeconds = 8.0;

    /// <summary>Seconds added per primitive of the chain.</summary>
    public const double PrimitiveSeconds = 2.0;

    private readonly VirtualClock _clock;
    private readonly SimShiftWorld? _world;

    /// <summary>Advances <paramref name="clock"/> by each sequence's time.</summary>
    /// <param name="clock">The shift's clock.</param>
    /// <param name="world">The world whose truth stands in for the EOAT's beams (an item that did not go in stays in the
    /// paddles); null: the beams never see an item after a feed.</param>
    public TimedMotion(VirtualClock clock, SimShiftWorld? world = null)
    {
        _clock = clock;
        _world = world;
    }

    /// <inheritdoc />
    public double JitterP99Ms => 0;

    /// <inheritdoc />
    public LoopPacing Pacing => LoopPacing.None;

    /// <inheritdoc />
    public MotionReport Execute(StowAction action)
    {
        var t = BaseSeconds + (PrimitiveSeconds * action.Chain.Count(p => p != Primitive.None));
        _clock.Advance(t);
        return new MotionReport(true, t, null, false);
    }

    /// <inheritdoc />
    public bool BringUp() => true;

    /// <inheritdoc />
    public bool ItemInPaddles() => _world?.LastTruth is { Kind: StowOutcome.Unproductive };

    /// <inheritdoc />
    public void ClearFault()
    {
    }

    /// <inheritdoc />
    public IReadOnlyList<double> JitterSamplesMs() => [];
}
