using Stow.Cell.Shift;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Motion.Primitives;
using Stow.Sim.Devices;
using Stow.Sim.World;
using Stow.Sim.Cell.World;

namespace Stow.Sim.Cell.Motion;

/// <summary>
/// Turns a <see cref="StowAction"/> into a <see cref="StowPlan"/> on the simulated world: bin geometry from the
/// world's pod type, the lateral position the planner chose (<see cref="StowAction.Lateral"/>), one
/// <see cref="PrimitiveStep"/> per space-making primitive with parameters derived from the bin and the item's
/// oriented size. Stateless apart from the limits; outside the control loop (allocates).
/// </summary>
internal static class SimStowPlanBuilder
{
    /// <summary>Clearance kept between the spatula and the bin's walls and floor [m] (assumption).</summary>
    private const double WallClearance = 0.01;

    /// <summary>Builds the plan (from the measured item) and the physical item's box size along the bin axes (x = feed, y = across, z = up) [m].</summary>
    public static (StowPlan Plan, double FeedLength, double AcrossWidth) Build(SimShiftWorld world, StowAction action, PrimitiveLimits limits)
    {
        var bin = world.PodType[action.Bin];
        var request = world.Request(action);
        var size = ItemOrientations.Size(action.Item.Dimensions, request.Orientation);
        var lane = Math.Clamp(request.Y, 0, Math.Max(0, bin.OpeningWidth - size.Y));
        var centre = lane + (size.Y / 2);
        var steps = new List<PrimitiveStep>();
        foreach (var p in action.Chain)
        {
            if (p != Primitive.None)
            {
                steps.Add(Step(p, bin, lane, size.Y, centre));
            }
        }

        var plan = new StowPlan(action.Item.Id, action.Item.Dimensions, action.Item.Mass, bin, steps, centre, 0, limits);
        // The plan is the cell's (measured item); the item in the paddles is the physical one.
        var physical = ItemOrientations.Size(request.Item.Dimensions, request.Orientation);
        return (plan, physical.X, physical.Y);
    }

    private static PrimitiveStep Step(Primitive kind, BinSpec bin, double lane, double width, double centre)
    {
        var blade = EoatGeometry.Default.SpatulaHeight;
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
