using Stow.Core.Pods;

namespace Stow.Motion.Primitives;

/// <summary>
/// Band separation: asks the band separator to hook the target bin's bands aside and waits until it reports
/// Engaged, within <see cref="PrimitiveLimits.BandTimeout"/>; the TCP holds its pose compliantly meanwhile.
/// Fails with Timeout, HardwareFault (refused or device fault), ForceLimit or Halted.
/// </summary>
public sealed class BandSeparationAction : SegmentedAction
{
    private readonly BinSpec _bin;

    /// <summary>Creates the action.</summary>
    /// <param name="bin">Target bin.</param>
    /// <param name="limits">Speeds and bounds.</param>
    public BandSeparationAction(BinSpec bin, PrimitiveLimits limits)
        : base("band_separation", limits) => _bin = bin;

    /// <inheritdoc/>
    protected override void Build(MotionContext context) => AddEngage(_bin.Id);
}
