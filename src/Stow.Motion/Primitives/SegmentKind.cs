namespace Stow.Motion.Primitives;

/// <summary>Kinds of steps a <see cref="SegmentedAction"/> is built from.</summary>
public enum SegmentKind
{
    /// <summary>Straight compliant TCP move, force-guarded, stall- and time-bounded.</summary>
    Move,

    /// <summary>Spatula to an extension.</summary>
    Spatula,

    /// <summary>Paddles to a gap with a squeeze force limit.</summary>
    Paddles,

    /// <summary>Feed on the belts until the beams clear.</summary>
    Feed,

    /// <summary>Engage the bands of a bin.</summary>
    EngageBands,

    /// <summary>Release the bands.</summary>
    ReleaseBands,
}
