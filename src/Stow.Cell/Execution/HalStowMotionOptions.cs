using Stow.Core.Geometry;
using Stow.Motion.Primitives;

namespace Stow.Cell.Execution;

/// <summary>Settings of <see cref="HalStowMotion"/>. Immutable.</summary>
public sealed record HalStowMotionOptions
{
    /// <summary>
    /// TCP pose of the pick at the induct, in the pod face frame [m]: every stow starts by carrying the paddles there
    /// (<see cref="PickAction"/>), where the item is taken, so the travel counts in the stow's time. Default: 0.6 m in front
    /// of the face, 0.3 m beside its right edge, 0.8 m up (an assumed station layout). Null: no pick (the item is in the
    /// paddles where the arm stands).
    /// </summary>
    public Pose? InductPose { get; init; } = Pose.At(-0.6, -0.3, 0.8);

    /// <summary>Control-loop rate [Hz]; the contract allows 500–1000 Hz (a live UR arm paces it at its own 500 Hz).</summary>
    public double RateHz { get; init; } = 500;

    /// <summary>Bound of one stow sequence on the shift's clock [s]; past it the sequence is halted and reported as a timeout.</summary>
    public double TimeLimitSeconds { get; init; } = 60;

    /// <summary>Primitive speeds and bounds used by the plan builder. Default: <see cref="TunedLimits"/>.</summary>
    public PrimitiveLimits Limits { get; init; } = TunedLimits;

    /// <summary>
    /// Limits tuned for throughput, within the arm's documented limits (UR5e datasheet: 1 m/s TCP, 1.2 m/s²; the EOAT's
    /// belts: 0.5 m/s): transit 0.9 m/s, contact 0.1 m/s, feed 0.45 m/s, standoff 0.08 m. The force limits, jam and stall
    /// detection stay at <see cref="PrimitiveLimits.Default"/>.
    /// </summary>
    public static PrimitiveLimits TunedLimits { get; } = new()
    {
        TransitSpeed = 0.9,
        ContactSpeed = 0.1,
        FeedSpeed = 0.45,
        Standoff = 0.08,
    };
}
