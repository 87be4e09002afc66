using Stow.Core.Geometry;
using Stow.Core.Ids;

namespace Stow.Motion.Primitives;

/// <summary>One step of a <see cref="SegmentedAction"/>. Plain struct, stored in a preallocated array.</summary>
public struct MotionSegment
{
    /// <summary>What the step does.</summary>
    public SegmentKind Kind;

    /// <summary>Move target pose (pod face frame).</summary>
    public Pose Target;

    /// <summary>Move speed [m/s] or belt feed speed [m/s].</summary>
    public double Speed;

    /// <summary>Force limit during the step [N].</summary>
    public double ForceLimit;

    /// <summary>
    /// Move: reaching <see cref="ForceLimit"/> ends the step successfully (guarded search) instead of failing. Spatula: a
    /// guarded extension, the blade stops where the wrench passes <see cref="PrimitiveLimits.ContactThreshold"/> and the
    /// step succeeds (the blade has met the contents); <see cref="ForceLimit"/> still fails it.
    /// </summary>
    public bool StopOnContact;

    /// <summary>
    /// True: the segment leads away from a contact (a retract). It may start with the force above
    /// <see cref="ForceLimit"/> (a contact the arm was left pressed into, e.g. after a late stop over a delayed link) and
    /// fails only when the force rises more than <see cref="PrimitiveLimits.ReliefMargin"/> above its value at the
    /// segment's start, or above <see cref="ForceLimit"/> once it has fallen below it.
    /// </summary>
    public bool Relief;

    /// <summary>Time bound of the step [s].</summary>
    public double Timeout;

    /// <summary>Spatula extension [m] or paddle gap [m].</summary>
    public double Value;

    /// <summary>Paddle squeeze force limit [N].</summary>
    public double Value2;

    /// <summary>Bin for band engagement.</summary>
    public BinId Bin;
}
