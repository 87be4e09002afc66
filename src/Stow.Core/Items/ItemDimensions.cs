namespace Stow.Core.Items;

/// <summary>
/// The three edges of an item's bounding box [m], sorted so that
/// <see cref="Length"/> ≥ <see cref="Width"/> ≥ <see cref="Height"/>. Source data gives edges in no
/// fixed axis order (ARC 2017, Olist), so only the sorted triple is meaningful.
/// </summary>
public readonly record struct ItemDimensions
{
    /// <summary>Builds from three edges in any order [m].</summary>
    /// <exception cref="ArgumentOutOfRangeException">An edge is not a finite positive number.</exception>
    public ItemDimensions(double a, double b, double c)
    {
        foreach (var e in (ReadOnlySpan<double>)[a, b, c])
        {
            if (!double.IsFinite(e) || e <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(a), e, "item edges must be finite and > 0 m");
            }
        }

        Span<double> s = [a, b, c];
        s.Sort();
        Length = s[2];
        Width = s[1];
        Height = s[0];
    }

    /// <summary>Longest edge [m].</summary>
    public double Length { get; }

    /// <summary>Middle edge [m].</summary>
    public double Width { get; }

    /// <summary>Shortest edge [m].</summary>
    public double Height { get; }

    /// <summary>Bounding-box volume [m³].</summary>
    public double Volume => Length * Width * Height;
}
