using Stow.Core.Time;

namespace Stow.Motion.Loop;

/// <summary>
/// Simulated-time pacing: each cycle advances the <see cref="VirtualClock"/> by exactly one period and
/// returns at once, so the loop runs as fast as the CPU allows and stays deterministic.
/// Threading: loop thread only (the clock itself is thread-safe to read).
/// </summary>
public sealed class VirtualClockPacer : ILoopPacer
{
    private readonly VirtualClock _clock;
    private double _period;

    /// <summary>Creates a pacer on <paramref name="clock"/>.</summary>
    /// <param name="clock">The simulated clock the loop reads.</param>
    public VirtualClockPacer(VirtualClock clock) => _clock = clock;

    /// <inheritdoc/>
    public void Begin(double period) => _period = period;

    /// <inheritdoc/>
    public LoopWake WaitForNextCycle()
    {
        _clock.Advance(_period);
        return LoopWake.OnTime;
    }
}
