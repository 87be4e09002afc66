using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;

namespace Stow.Motion.Primitives;

/// <summary>
/// What the motion layer needs of a planned stow: the item (as measured), the target bin, the chain of
/// space-making primitives and where the item goes. Bin-frame coordinates as in <see cref="BinSpec"/>.
/// Immutable; built by planning outside the control loop.
/// </summary>
/// <param name="Item">Item id.</param>
/// <param name="Dimensions">Measured dimensions; length lies along the feed axis, width across the paddles.</param>
/// <param name="Mass">Measured mass [kg].</param>
/// <param name="Bin">Target bin (its origin in the pod face frame places every pose).</param>
/// <param name="Chain">Primitives run after band separation and before insertion, in order.</param>
/// <param name="InsertY">Lateral position of the item's centre in the bin frame [m].</param>
/// <param name="InsertZ">Height of the item's bottom above the bin floor [m] (0 on the floor; above a stack otherwise).</param>
/// <param name="Limits">Speeds and bounds (null: <see cref="PrimitiveLimits.Default"/>).</param>
public sealed record StowPlan(
    ItemId Item,
    ItemDimensions Dimensions,
    double Mass,
    BinSpec Bin,
    IReadOnlyList<PrimitiveStep> Chain,
    double InsertY,
    double InsertZ = 0,
    PrimitiveLimits? Limits = null)
{
    /// <summary>The limits in force.</summary>
    public PrimitiveLimits EffectiveLimits => Limits ?? PrimitiveLimits.Default;
}
