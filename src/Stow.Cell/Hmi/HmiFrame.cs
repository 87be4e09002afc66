namespace Stow.Cell.Hmi;

/// <summary>A camera view for the HMI with what perception made of it. Immutable by convention (buffers are not copied).</summary>
/// <param name="Rgb">Interleaved 8-bit RGB, row-major, <c>Width·Height·3</c> bytes.</param>
/// <param name="Width">Image width [px].</param>
/// <param name="Height">Image height [px].</param>
/// <param name="BandMask">Band probability per pixel in [0, 1], <c>Width·Height</c> values; null when none.</param>
/// <param name="Bin">Bin just perceived (the view is centred on it).</param>
/// <param name="Bins">Every bin drawn: the current one first, then neighbours of the same camera with their latest estimates.</param>
/// <param name="Label">The current bin's estimate in words.</param>
public sealed record HmiFrame(byte[] Rgb, int Width, int Height, float[]? BandMask, string Bin, IReadOnlyList<HmiFrameBin> Bins, string Label);
