namespace Stow.Cell.Hmi;

/// <summary>A camera frame for the HMI with what perception made of it. Immutable by convention (buffers are not copied).</summary>
/// <param name="Rgb">Interleaved 8-bit RGB, row-major, <c>Width·Height·3</c> bytes.</param>
/// <param name="Width">Image width [px].</param>
/// <param name="Height">Image height [px].</param>
/// <param name="BandMask">Band probability per pixel in [0, 1], <c>Width·Height</c> values; null when none.</param>
/// <param name="Bin">Bin whose estimate is overlaid.</param>
/// <param name="Outline">The bin opening in the image [px]: four corners (x, y) clockwise from top-left, 8 values.</param>
/// <param name="FreeBox">The front face of the largest free box in the image [px]: four corners like <paramref name="Outline"/>;
/// empty when the bin has no free box.</param>
/// <param name="FreeLitres">Estimated free volume [L].</param>
/// <param name="FreeFraction">Estimated free volume / bin volume, in [0, 1].</param>
/// <param name="LargestBoxMm">Largest insertable box: width, height, depth [mm].</param>
/// <param name="Label">The estimate in words.</param>
public sealed record HmiFrame(
    byte[] Rgb, int Width, int Height, float[]? BandMask, string Bin, double[] Outline, double[] FreeBox,
    double FreeLitres, double FreeFraction, int[] LargestBoxMm, string Label);
