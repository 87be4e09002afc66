namespace Stow.Sim.Tests.Emulators;

/// <summary>
/// Tests that exchange with emulators on the wall clock through socat ptys and loopback sockets with short response
/// timeouts (the live-sim rig: Modbus at 100 ms, RTDE at 500 Hz): they run alone, with no other test of this assembly
/// beside them, because a parallel test starving the emulator threads made the first Modbus exchange time out (seen in
/// one of six whole-assembly runs: "eoat=Unconfigured read returned an error" at the first read).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WallClockCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "WallClock";
}
