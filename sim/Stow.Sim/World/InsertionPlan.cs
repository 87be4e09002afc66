namespace Stow.Sim.World;

using Stow.Core.Geometry;
using Stow.Core.Items;
using Stow.Core.Space;

/// <summary>
/// Where an insertion would leave an item, computed by <see cref="SimBin.PlanInsert"/> without changing the bin.
/// Immutable value.
/// </summary>
/// <param name="Enters">False when the item cannot enter the opening or lane at all (too wide or too tall).</param>
/// <param name="Mode">Insertion mode: <see cref="Primitive.None"/>, <see cref="Primitive.Stack"/> or <see cref="Primitive.Slot"/>.</param>
/// <param name="Orientation">Orientation actually used (slot may turn the item on edge).</param>
/// <param name="Box">Final box in the bin frame [m] after sliding in and settling; Min.X &lt; 0 means it protrudes.</param>
/// <param name="Pose">Resting pose of the item in that box.</param>
/// <param name="LateralClearance">Sum of the free gaps [m] beside the final box (to neighbours or walls along y).</param>
/// <param name="VerticalClearance">Free gap [m] above the final box (to the next item or the bin ceiling).</param>
public readonly record struct InsertionPlan(
    bool Enters,
    Primitive Mode,
    ItemOrientation Orientation,
    Box3 Box,
    ItemPose Pose,
    double LateralClearance,
    double VerticalClearance)
{
    /// <summary>How far [m] the front face sticks out of the opening plane (0 when inside).</summary>
    public double Protrusion => Math.Max(0, -Box.Min.X);

    /// <summary>True when the item enters and ends fully inside the bin.</summary>
    public bool Fits => Enters && Box.Min.X >= -SimBin.Epsilon;

    /// <summary>Clearance [m] used by the outcome model: the smaller of lateral and vertical clearance.</summary>
    public double Clearance => Math.Min(LateralClearance, VerticalClearance);

    /// <summary>Free depth [m] in front of the item, between the opening plane and its front face.</summary>
    public double FrontMargin => Math.Max(0, Box.Min.X);
}
