namespace Stow.Cell.Hosting;

/// <summary>How a stow's motion runs (<c>Cell:Motion:Mode</c>; config text <c>arm</c>, <c>timed</c>).</summary>
public enum MotionMode
{
    /// <summary>The control loop drives the arm, EOAT and band separator through the HAL.</summary>
    Arm,

    /// <summary>A timed stand-in: each primitive takes its nominal time, nothing moves.</summary>
    Timed,
}
