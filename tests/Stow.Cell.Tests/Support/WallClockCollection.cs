namespace Stow.Cell.Tests.Support;

/// <summary>
/// Tests whose control loop runs on the wall clock against a controller emulator (RTDE at 500 Hz): they run alone,
/// with no other test of this assembly beside them, because a loop starved of CPU by parallel tests stops late and
/// presses into contact. The physics of that case is tested on its own (Motion tests: retract relief).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WallClockCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "WallClock";
}
