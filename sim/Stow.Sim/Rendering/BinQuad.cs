namespace Stow.Sim.Rendering;

using Stow.Core.Ids;

/// <summary>
/// A bin opening's four corners projected into the image [px] (the quad perception rectifies),
/// named as seen in the image: top-left is the opening's top corner at the robot's left (+y).
/// Immutable.
/// </summary>
/// <param name="Bin">The bin.</param>
/// <param name="TopLeft">Top-left corner [px].</param>
/// <param name="TopRight">Top-right corner [px].</param>
/// <param name="BottomRight">Bottom-right corner [px].</param>
/// <param name="BottomLeft">Bottom-left corner [px].</param>
public sealed record BinQuad(BinId Bin, ImagePoint TopLeft, ImagePoint TopRight, ImagePoint BottomRight, ImagePoint BottomLeft)
{
    /// <summary>True when all four corners projected (none behind the camera).</summary>
    public bool IsValid => TopLeft.IsValid && TopRight.IsValid && BottomRight.IsValid && BottomLeft.IsValid;

    /// <summary>The corners in order TL, TR, BR, BL.</summary>
    /// <returns>A new array of 4 points.</returns>
    public ImagePoint[] ToArray() => [TopLeft, TopRight, BottomRight, BottomLeft];

    /// <summary>
    /// The axis-aligned pixel crop that holds the quad plus <paramref name="margin"/> pixels, clipped
    /// to an image of <paramref name="imageWidth"/> × <paramref name="imageHeight"/>.
    /// </summary>
    /// <param name="margin">Extra pixels on every side, ≥ 0.</param>
    /// <param name="imageWidth">Image width [px].</param>
    /// <param name="imageHeight">Image height [px].</param>
    /// <returns>The crop; empty when the quad is invalid or outside the image.</returns>
    public PixelRect Crop(int margin, int imageWidth, int imageHeight)
    {
        if (!IsValid)
        {
            return default;
        }

        var minU = Math.Min(Math.Min(TopLeft.U, TopRight.U), Math.Min(BottomRight.U, BottomLeft.U));
        var maxU = Math.Max(Math.Max(TopLeft.U, TopRight.U), Math.Max(BottomRight.U, BottomLeft.U));
        var minV = Math.Min(Math.Min(TopLeft.V, TopRight.V), Math.Min(BottomRight.V, BottomLeft.V));
        var maxV = Math.Max(Math.Max(TopLeft.V, TopRight.V), Math.Max(BottomRight.V, BottomLeft.V));
        var x0 = (int)Math.Clamp(Math.Floor(minU) - margin, 0, imageWidth);
        var y0 = (int)Math.Clamp(Math.Floor(minV) - margin, 0, imageHeight);
        var x1 = (int)Math.Clamp(Math.Ceiling(maxU) + margin + 1, 0, imageWidth);
        var y1 = (int)Math.Clamp(Math.Ceiling(maxV) + margin + 1, 0, imageHeight);
        return new PixelRect(x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
    }
}
