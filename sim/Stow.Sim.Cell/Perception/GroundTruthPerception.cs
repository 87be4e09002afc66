using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Space;
using Stow.Sim.World;
using Stow.Sim.Cell.World;

namespace Stow.Sim.Cell.Perception;

/// <summary>
/// Perception bypassed: the simulator's ground truth stands in for the estimates (confidence 1).
/// Selected by config (<c>Perception:Mode = groundtruth</c>). Single-threaded.
/// </summary>
public sealed class GroundTruthPerception : IShiftPerception
{
    private readonly SimShiftWorld _world;

    /// <summary>Reads ground truth from <paramref name="world"/>.</summary>
    public GroundTruthPerception(SimShiftWorld world) => _world = world;

    /// <inheritdoc />
    public PodSpaceEstimate Perceive(double time) => _world.GroundTruth(time);

    /// <inheritdoc />
    public BinSpaceEstimate PerceiveBin(BinId bin, double time) => BinGroundTruth.Estimate(_world.Current.Bin(bin), time, 8, 12);
}
