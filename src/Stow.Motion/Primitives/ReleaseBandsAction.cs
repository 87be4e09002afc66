namespace Stow.Motion.Primitives;

/// <summary>
/// Release the bands: asks the band separator to let the bands back and waits until it is Idle, within
/// <see cref="PrimitiveLimits.BandTimeout"/>. Succeeds at once when nothing is engaged.
/// </summary>
public sealed class ReleaseBandsAction : SegmentedAction
{
    /// <summary>Creates the action.</summary>
    /// <param name="limits">Speeds and bounds.</param>
    public ReleaseBandsAction(PrimitiveLimits limits)
        : base("release_bands", limits)
    {
    }

    /// <inheritdoc/>
    protected override void Build(MotionContext context) => AddRelease();
}
