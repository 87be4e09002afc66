using Stow.Hardware.Ur;
using Stow.Hardware.Ur.Rtde;
using Stow.Sim.Devices;
using Stow.Sim.Devices.Arm;
using Stow.Sim.Ur;

namespace Stow.Hardware.Tests.Ur;

/// <summary>A controller emulator on free loopback ports with a simulated arm, disposed with the test.</summary>
internal sealed class UrEmulatorRig : IDisposable
{
    public static readonly string[] StateFields =
    [
        "timestamp", "actual_q", "actual_qd", "actual_TCP_pose", "actual_TCP_speed", "actual_TCP_force", "target_q",
        "robot_mode", "safety_mode", "safety_status", "runtime_state", "speed_scaling",
        "output_int_register_24", "output_int_register_25", "output_double_register_24", "output_bit_registers0_to_31",
    ];

    public UrEmulatorRig(UrRobotMode initial = UrRobotMode.Running, double unlockDelay = 5, SimArmOptions? arm = null)
    {
        Cell = new SimCell(seed: 1);
        Emulator = UrControllerEmulator.Start(
            new SimArm("emulated-arm", Cell, arm ?? new SimArmOptions { ForceNoise = 0, TorqueNoise = 0 }),
            Cell,
            new UrControllerOptions { InitialRobotMode = initial, ProtectiveStopUnlockDelay = unlockDelay });
    }

    public SimCell Cell { get; }

    public UrControllerEmulator Emulator { get; }

    public RtdeClient ConnectStreaming(double frequency = 500)
    {
        var c = new RtdeClient();
        c.Connect("127.0.0.1", Emulator.RtdePort);
        Assert.True(c.NegotiateProtocolVersion());
        c.SetupOutputs(StateFields, frequency);
        Assert.True(c.Start());
        return c;
    }

    public void Dispose() => Emulator.Dispose();
}
