namespace Stow.Sim.World;

/// <summary>
/// The purposes that draw random numbers in a simulated shift. Each purpose has its own seeded stream
/// (<see cref="RandomStreams"/>), so that two policies run on the same seed see the same items, the same pods on
/// arrival and the same measurement errors however differently they decide (common random numbers).
/// </summary>
public enum RandomStream
{
    /// <summary>The items inducted in a shift (which catalogue items, in which order).</summary>
    Items = 1,

    /// <summary>The contents pods arrive with (<see cref="PodPrefill"/>), including each bin's target fill.</summary>
    Prefill = 2,

    /// <summary>The world's outcome draws (<see cref="StowOutcomeModel.Sample"/>).</summary>
    Outcome = 3,

    /// <summary>The planner's exploration draws (which candidate, when it explores).</summary>
    Exploration = 4,

    /// <summary>The induct dimensioner's and scale's measurement errors (<see cref="Devices.Induct.InductErrorOptions"/>).</summary>
    Induct = 5,

    /// <summary>The camera sensor noise of rendered frames (<see cref="Rendering.SensorNoiseOptions"/>).</summary>
    Perception = 6,
}
