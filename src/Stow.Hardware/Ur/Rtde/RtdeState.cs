namespace Stow.Hardware.Ur.Rtde;

/// <summary>
/// The values of every field in <see cref="RtdeFieldKind"/>, on either side of the link: the controller fills it and
/// sends an output recipe's fields; the client parses a data package into it (fields outside the recipe keep their
/// previous values). Input fields are what the client writes and the controller keeps. Plain struct (about 1.3 kB),
/// copied without allocation.
/// </summary>
public struct RtdeState
{
    /// <summary>timestamp [s].</summary>
    public double Timestamp;

    /// <summary>actual_q [rad].</summary>
    public RtdeVector6 ActualQ;

    /// <summary>actual_qd [rad/s].</summary>
    public RtdeVector6 ActualQd;

    /// <summary>target_q [rad].</summary>
    public RtdeVector6 TargetQ;

    /// <summary>target_qd [rad/s].</summary>
    public RtdeVector6 TargetQd;

    /// <summary>actual_TCP_pose: x, y, z [m], rx, ry, rz rotation vector [rad], base frame.</summary>
    public RtdeVector6 ActualTcpPose;

    /// <summary>actual_TCP_speed [m/s, rad/s], base frame.</summary>
    public RtdeVector6 ActualTcpSpeed;

    /// <summary>actual_TCP_force [N, N·m], base frame axes.</summary>
    public RtdeVector6 ActualTcpForce;

    /// <summary>target_TCP_pose.</summary>
    public RtdeVector6 TargetTcpPose;

    /// <summary>target_TCP_speed.</summary>
    public RtdeVector6 TargetTcpSpeed;

    /// <summary>robot_mode (<see cref="UrRobotMode"/>).</summary>
    public int RobotMode;

    /// <summary>safety_mode (<see cref="UrSafetyMode"/>).</summary>
    public int SafetyMode;

    /// <summary>safety_status (<see cref="UrSafetyMode"/>).</summary>
    public int SafetyStatus;

    /// <summary>runtime_state (<see cref="UrRuntimeState"/>).</summary>
    public uint RuntimeState;

    /// <summary>speed_scaling, 0..1.</summary>
    public double SpeedScaling;

    /// <summary>target_speed_fraction, 0..1.</summary>
    public double TargetSpeedFraction;

    /// <summary>actual_execution_time [ms].</summary>
    public double ActualExecutionTime;

    /// <summary>robot_status_bits.</summary>
    public uint RobotStatusBits;

    /// <summary>safety_status_bits.</summary>
    public uint SafetyStatusBits;

    /// <summary>Output bit registers 0..63 (bit i = register i).</summary>
    public ulong OutputBitRegisters;

    /// <summary>Input bit registers 0..63.</summary>
    public ulong InputBitRegisters;

    /// <summary>output_int_register_0..47.</summary>
    public RtdeIntRegisters OutputIntRegisters;

    /// <summary>output_double_register_0..47.</summary>
    public RtdeDoubleRegisters OutputDoubleRegisters;

    /// <summary>input_int_register_0..47.</summary>
    public RtdeIntRegisters InputIntRegisters;

    /// <summary>input_double_register_0..47.</summary>
    public RtdeDoubleRegisters InputDoubleRegisters;

    /// <summary>speed_slider_mask (input).</summary>
    public uint SpeedSliderMask;

    /// <summary>speed_slider_fraction (input).</summary>
    public double SpeedSliderFraction;

    /// <summary>Client side: number of data packages parsed into this state since connection (not on the wire).</summary>
    public ulong Sequence;
}
