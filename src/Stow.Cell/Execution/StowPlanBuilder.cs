using Stow.Cell.Shift;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Motion.Primitives;
using Stow.Planning.Candidates;

namespace Stow.Cell.Execution;

/// <summary>
/// Turns a <see cref="StowAction"/> into a <see cref="StowPlan"/>: bin geometry from the pod type, the lateral position
/// the planner chose (<see cref="StowAction.Lateral"/>), one <see cref="PrimitiveStep"/> per space-making primitive with
/// parameters derived from the bin and the item's oriented size (the measured item: the cell never knows another).
/// Stateless; outside the control loop (allocates).
/// </summary>
public static class StowPlanBuilder
{
    /// <summary>Height of the spatula blade along z [m] (a vertical blade that sweeps along y): the EOAT's drawing, the
    /// same figure as the simulated tool's (<c>EoatGeometry.Default</c>).</summary>
    public const double SpatulaHeight = 0.08;

    /// <summary>Clearance kept between the spatula and the bin's walls and floor [m] (assumption).</summary>
    private const double WallClearance = 0.01;

    /// <summary>Builds the plan of <paramref name="action"/> on <paramref name="type"/>.</summary>
    /// <param name="type">The pod type at the station (bin geometry).</param>
    /// <param name="action">The planner's stow (measured item, bin, chain, orientation, lateral position).</param>
    /// <param name="limits">Primitive speeds and bounds.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="KeyNotFoundException">The bin is not on <paramref name="type"/>.</exception>
    public static StowPlan Build(PodType type, StowAction action, PrimitiveLimits limits)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(action);
        var bin = type[action.Bin];
        OrientationRules.Extents(action.Item.Dimensions, action.Orientation, out _, out var width, out _);
        var lane = Math.Clamp(action.Lateral, 0, Math.Max(0, bin.OpeningWidth - width));
        var centre = lane + (width / 2);
        var steps = new List<PrimitiveStep>();
        foreach (var p in action.Chain)
        {
            if (p != Primitive.None)
            {
                steps.Add(Step(p, bin, lane, width, centre));
            }
        }

        return new StowPlan(action.Item.Id, action.Item.Dimensions, action.Item.Mass, bin, steps, centre, 0, limits);
    }

    private static PrimitiveStep Step(Primitive kind, BinSpec bin, double lane, double width, double centre)
    {
        var blade = SpatulaHeight;
        var low = Math.Min((blade / 2) + WallClearance, bin.OpeningHeight / 2);
        var depth = Math.Clamp(bin.Depth - 0.05, 0.05, 0.2);
        var minY = WallClearance;
        var maxY = bin.OpeningWidth - WallClearance;
        switch (kind)
        {
            case Primitive.SweepLeft:
                {
                    // Clear the lane [lane, lane + width] by pushing its contents to +y from its right edge.
                    var y = Math.Clamp(lane, minY, maxY);
                    return new PrimitiveStep(kind, y, low, Math.Max(0.01, Math.Min(width, maxY - y)), depth);
                }

            case Primitive.SweepRight:
                {
                    var y = Math.Clamp(lane + width, minY, maxY);
                    return new PrimitiveStep(kind, y, low, Math.Max(0.01, Math.Min(width, y - minY)), depth);
                }

            case Primitive.Flip:
                // Lift a flat item upright: spatula low, lifted by a third of the opening (≤ 8 cm).
                return new PrimitiveStep(kind, Math.Clamp(centre, minY, maxY), low, Math.Min(0.08, bin.OpeningHeight / 3), depth);
            case Primitive.Stack:
                {
                    // Guarded search from near the top of the opening down to just above the floor.
                    var top = bin.OpeningHeight - low;
                    return new PrimitiveStep(kind, Math.Clamp(centre, minY, maxY), top, Math.Max(0.01, top - low), depth);
                }

            case Primitive.Slot:
                // Widen a gap by 3 cm at a 0.2 rad tilt (about 11°), towards the larger free side.
                {
                    var angle = centre < bin.OpeningWidth / 2 ? 0.2 : -0.2;
                    return new PrimitiveStep(kind, Math.Clamp(centre, minY + 0.03, maxY - 0.03), low, 0.03, depth, angle);
                }

            default:
                throw new ArgumentException($"primitive {kind} cannot be planned", nameof(kind));
        }
    }
}
