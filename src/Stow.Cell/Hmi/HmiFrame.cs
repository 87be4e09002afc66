namespace Stow.Cell.Hmi;

/// <summary>A camera frame for the HMI with what perception made of it. Immutable by convention (buffers are not copied).</summary>
/// <param name="Rgb">Interleaved 8-bit RGB, row-major, <c>Width·Height·3</c> bytes.</param>
/// <param name="Width">Image width [px].</param>
/// <param name="Height">Image height [px].</param>
/// <param name="BandMask">Band probability per pixel in [0, 1], <c>Width·Height</c> values; null when none.</param>
/// <param name="Bin">Bin whose estimate is overlaid.</param>
/// <param name="FreeBoxes">Image rectangles [px] (x, y, width, height each) outlined with the free-space estimate.</param>
/// <param name="Label">The free-space estimate in words (free volume, largest box).</param>
public sealed record HmiFrame(byte[] Rgb, int Width, int Height, float[]? BandMask, string Bin, IReadOnlyList<double[]> FreeBoxes, string Label);
