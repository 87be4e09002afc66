using Stow.Hardware.Ur;

namespace Stow.Hardware.Ur.Rtde;

/// <summary>The RTDE fields this project speaks (RTDE guide, "Field names and associated types").</summary>
public enum RtdeFieldKind
{
    /// <summary>timestamp (DOUBLE): seconds since the controller started.</summary>
    Timestamp,

    /// <summary>actual_q (VECTOR6D): actual joint positions [rad].</summary>
    ActualQ,

    /// <summary>actual_qd (VECTOR6D): actual joint velocities [rad/s].</summary>
    ActualQd,

    /// <summary>target_q (VECTOR6D): target joint positions [rad].</summary>
    TargetQ,

    /// <summary>target_qd (VECTOR6D): target joint velocities [rad/s].</summary>
    TargetQd,

    /// <summary>actual_TCP_pose (VECTOR6D): TCP pose in the base frame, x, y, z [m] and rotation vector [rad].</summary>
    ActualTcpPose,

    /// <summary>actual_TCP_speed (VECTOR6D): TCP twist in the base frame [m/s, rad/s].</summary>
    ActualTcpSpeed,

    /// <summary>actual_TCP_force (VECTOR6D): generalised forces at the TCP in the base frame axes [N, N·m].</summary>
    ActualTcpForce,

    /// <summary>target_TCP_pose (VECTOR6D).</summary>
    TargetTcpPose,

    /// <summary>target_TCP_speed (VECTOR6D).</summary>
    TargetTcpSpeed,

    /// <summary>robot_mode (INT32): see <see cref="UrRobotMode"/>.</summary>
    RobotMode,

    /// <summary>safety_mode (INT32): see <see cref="UrSafetyMode"/>.</summary>
    SafetyMode,

    /// <summary>safety_status (INT32): see <see cref="UrSafetyMode"/>.</summary>
    SafetyStatus,

    /// <summary>runtime_state (UINT32): see <see cref="UrRuntimeState"/>.</summary>
    RuntimeState,

    /// <summary>speed_scaling (DOUBLE): trajectory limiter × speed slider, 0..1.</summary>
    SpeedScaling,

    /// <summary>target_speed_fraction (DOUBLE): the speed slider, 0..1.</summary>
    TargetSpeedFraction,

    /// <summary>actual_execution_time (DOUBLE): controller real-time thread execution time [ms].</summary>
    ActualExecutionTime,

    /// <summary>robot_status_bits (UINT32): bit 0 power on, 1 program running, 2 teach button, 3 power button.</summary>
    RobotStatusBits,

    /// <summary>safety_status_bits (UINT32): bit 0 normal, 1 reduced, 2 protective stop, 3 recovery, 4 safeguard stop,
    /// 5 system e-stop, 6 robot e-stop, 7 emergency stopped, 8 violation, 9 fault, 10 stopped due to safety.</summary>
    SafetyStatusBits,

    /// <summary>output_bit_registers0_to_31 (UINT32).</summary>
    OutputBitRegisters0To31,

    /// <summary>output_bit_registers32_to_63 (UINT32).</summary>
    OutputBitRegisters32To63,

    /// <summary>output_int_register_X (INT32), X = 0..47.</summary>
    OutputIntRegister,

    /// <summary>output_double_register_X (DOUBLE), X = 0..47.</summary>
    OutputDoubleRegister,

    /// <summary>input_bit_registers0_to_31 (UINT32).</summary>
    InputBitRegisters0To31,

    /// <summary>input_bit_registers32_to_63 (UINT32).</summary>
    InputBitRegisters32To63,

    /// <summary>input_int_register_X (INT32), X = 0..47.</summary>
    InputIntRegister,

    /// <summary>input_double_register_X (DOUBLE), X = 0..47.</summary>
    InputDoubleRegister,

    /// <summary>speed_slider_mask (UINT32, input): 1 = apply <see cref="SpeedSliderFraction"/>.</summary>
    SpeedSliderMask,

    /// <summary>speed_slider_fraction (DOUBLE, input): new speed slider value, 0..1.</summary>
    SpeedSliderFraction,
}
