namespace Stow.Cell.Hmi;

/// <summary>
/// What the HMI draws for one perceived bin, in the pixels of the camera image it was perceived in (kept per bin, so a
/// later frame of the same camera shows the bin's neighbours with their latest estimates too). Immutable by convention.
/// </summary>
/// <param name="Bin">Bin id.</param>
/// <param name="Pod">Pod the estimate belongs to.</param>
/// <param name="Camera">Index of the camera (frame) the bin is seen in.</param>
/// <param name="Outline">The bin opening: four corners (x, y) clockwise from top-left [px], 8 values.</param>
/// <param name="FreeBox">The front face of the largest free box, like <paramref name="Outline"/>; empty when there is none.</param>
/// <param name="BandPixels">Image pixel indices (<c>y·width + x</c>) where the band mask exceeds 0.5.</param>
/// <param name="FreeLitres">Estimated free volume [L].</param>
/// <param name="FreeFraction">Estimated free volume / bin volume, in [0, 1].</param>
/// <param name="LargestBoxMm">Largest insertable box: width, height, depth [mm].</param>
public sealed record HmiBinOverlay(
    string Bin, string Pod, int Camera, double[] Outline, double[] FreeBox, int[] BandPixels, double FreeLitres, double FreeFraction, int[] LargestBoxMm);
