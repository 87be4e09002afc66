using Stow.Core.Space;

namespace Stow.Perception.Space;

/// <summary>
/// A free box and the grid cells its front face covers on the bin's free-depth grid (row 0 at the floor, column 0 at
/// y = 0; both ranges inclusive), as found by <see cref="FreeDepthAnalyzer.LocateLargestBox"/>.
/// </summary>
/// <param name="Box">The box (width along y, height along z, depth along x [m]).</param>
/// <param name="Row0">Lowest grid row.</param>
/// <param name="Row1">Highest grid row.</param>
/// <param name="Col0">First grid column.</param>
/// <param name="Col1">Last grid column.</param>
public readonly record struct FreeBoxPlacement(PrimitiveSpace Box, int Row0, int Row1, int Col0, int Col1);
