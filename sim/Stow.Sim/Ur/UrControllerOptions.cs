using Stow.Hardware.Ur.Rtde;

namespace Stow.Sim.Ur;

/// <summary>Settings of a <see cref="UrControllerEmulator"/>. Ports 0 pick free loopback ports. Immutable.</summary>
public sealed record UrControllerOptions
{
    /// <summary>Address the servers listen on (default loopback).</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>RTDE port (a controller: 30004; 0: a free port).</summary>
    public int RtdePort { get; init; }

    /// <summary>Secondary interface port (a controller: 30002; 0: a free port).</summary>
    public int SecondaryPort { get; init; }

    /// <summary>Dashboard server port (a controller: 29999; 0: a free port).</summary>
    public int DashboardPort { get; init; }

    /// <summary>Controller tick rate [Hz] (e-Series: 500).</summary>
    public double RateHz { get; init; } = 500;

    /// <summary>The version the RTDE interface reports (an e-Series PolyScope 5 controller).</summary>
    public UrControlVersion Version { get; init; } = new(5, 15, 0, 0);

    /// <summary>Robot mode at start (a controller boots to POWER_OFF; tests may start RUNNING).</summary>
    public Stow.Hardware.Ur.UrRobotMode InitialRobotMode { get; init; } = Stow.Hardware.Ur.UrRobotMode.PowerOff;

    /// <summary>How long after a protective stop the dashboard refuses to unlock it [s] (dashboard manual: 5 s).</summary>
    public double ProtectiveStopUnlockDelay { get; init; } = 5;
}
