namespace Stow.Cell.Shift;

/// <summary>What paces the control loop of a shift's motion, which decides whether its timing figures mean anything.</summary>
public enum LoopPacing
{
    /// <summary>No control loop runs (a timed stand-in for the motion).</summary>
    None,

    /// <summary>The loop steps a virtual clock one period per cycle: its periods are exact by construction, so it has no jitter to report.</summary>
    VirtualClock,

    /// <summary>The loop sleeps to the wall clock (a live cell): its period jitter is a real figure.</summary>
    WallClock,
}
