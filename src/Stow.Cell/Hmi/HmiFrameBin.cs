namespace Stow.Cell.Hmi;

/// <summary>One bin drawn in the HMI's camera view, in the view's pixels. Immutable by convention.</summary>
/// <param name="Bin">Bin id.</param>
/// <param name="Current">True for the bin just perceived (the view is centred on it); false for a neighbour shown with its latest estimate.</param>
/// <param name="Outline">The bin opening: four corners (x, y) clockwise from top-left [px], 8 values.</param>
/// <param name="FreeBox">The front face of the largest free box, like <paramref name="Outline"/>; empty when there is none.</param>
/// <param name="FreeLitres">Estimated free volume [L].</param>
/// <param name="FreeFraction">Estimated free volume / bin volume, in [0, 1].</param>
/// <param name="LargestBoxMm">Largest insertable box: width, height, depth [mm].</param>
public sealed record HmiFrameBin(string Bin, bool Current, double[] Outline, double[] FreeBox, double FreeLitres, double FreeFraction, int[] LargestBoxMm);
