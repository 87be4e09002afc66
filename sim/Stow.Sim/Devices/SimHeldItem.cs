namespace Stow.Sim.Devices;

/// <summary>
/// The item held between the paddles. <see cref="FeedPosition"/> is the position of its front face along the
/// tool's feed axis, measured from the paddle root [m]; the item spans [FeedPosition − Length, FeedPosition].
/// It has left the paddles when FeedPosition − Length passes the front beam.
/// </summary>
public sealed class SimHeldItem
{
    /// <summary>Creates a held item.</summary>
    /// <param name="length">Extent along the feed axis [m], &gt; 0.</param>
    /// <param name="width">Extent across the paddles [m], &gt; 0.</param>
    /// <param name="mass">Mass [kg].</param>
    /// <param name="feedPosition">Initial front-face position from the paddle root [m].</param>
    public SimHeldItem(double length, double width, double mass, double feedPosition)
    {
        Length = length;
        Width = width;
        Mass = mass;
        FeedPosition = feedPosition;
    }

    /// <summary>Extent along the feed axis [m].</summary>
    public double Length { get; }

    /// <summary>Extent across the paddles [m].</summary>
    public double Width { get; }

    /// <summary>Mass [kg].</summary>
    public double Mass { get; }

    /// <summary>Front-face position along the feed axis from the paddle root [m].</summary>
    public double FeedPosition { get; set; }
}
