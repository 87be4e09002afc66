using Stow.Core.Space;

namespace Stow.Motion.Primitives;

/// <summary>
/// One space-making primitive of a planned stow, with its parameters in the bin frame (x into the bin,
/// y to the robot's left, z up; origin at the opening's front-right-bottom corner; metres).
/// </summary>
/// <param name="Kind">SweepLeft, SweepRight, Flip, Stack or Slot.</param>
/// <param name="Y">Lateral start position of the spatula (sweep, flip, slot) or stack centre [m].</param>
/// <param name="Z">Height of the TCP above the bin floor [m] (stack: search start height).</param>
/// <param name="Distance">Sweep travel along ±y, flip lift, stack search depth downwards, or slot widening [m], &gt; 0.</param>
/// <param name="Depth">Spatula insertion depth into the bin [m].</param>
/// <param name="Angle">Slot tilt about the z axis [rad] (slot only).</param>
public sealed record PrimitiveStep(Primitive Kind, double Y, double Z, double Distance, double Depth = 0.2, double Angle = 0);
