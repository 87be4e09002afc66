using System.Globalization;

namespace Stow.Hardware.Ur.Rtde;

/// <summary>
/// Name resolution of the RTDE fields in <see cref="RtdeFieldKind"/>: which names may be outputs (the controller sends
/// them) and which inputs (the client writes them), with their types (RTDE guide, field tables). Input registers can
/// also be read back as outputs, as on the controller. Registers 0..47; the guide reserves 0..23 for fieldbus and
/// PLC use and 24..47 for external RTDE clients. Thread-safe (pure functions).
/// </summary>
public static class RtdeFields
{
    /// <summary>Number of integer and double registers of each direction.</summary>
    public const int RegisterCount = 48;

    private static readonly (string Name, RtdeFieldKind Kind, RtdeType Type)[] Fixed =
    [
        ("timestamp", RtdeFieldKind.Timestamp, RtdeType.Double),
        ("actual_q", RtdeFieldKind.ActualQ, RtdeType.Vector6D),
        ("actual_qd", RtdeFieldKind.ActualQd, RtdeType.Vector6D),
        ("target_q", RtdeFieldKind.TargetQ, RtdeType.Vector6D),
        ("target_qd", RtdeFieldKind.TargetQd, RtdeType.Vector6D),
        ("actual_TCP_pose", RtdeFieldKind.ActualTcpPose, RtdeType.Vector6D),
        ("actual_TCP_speed", RtdeFieldKind.ActualTcpSpeed, RtdeType.Vector6D),
        ("actual_TCP_force", RtdeFieldKind.ActualTcpForce, RtdeType.Vector6D),
        ("target_TCP_pose", RtdeFieldKind.TargetTcpPose, RtdeType.Vector6D),
        ("target_TCP_speed", RtdeFieldKind.TargetTcpSpeed, RtdeType.Vector6D),
        ("robot_mode", RtdeFieldKind.RobotMode, RtdeType.Int32),
        ("safety_mode", RtdeFieldKind.SafetyMode, RtdeType.Int32),
        ("safety_status", RtdeFieldKind.SafetyStatus, RtdeType.Int32),
        ("runtime_state", RtdeFieldKind.RuntimeState, RtdeType.UInt32),
        ("speed_scaling", RtdeFieldKind.SpeedScaling, RtdeType.Double),
        ("target_speed_fraction", RtdeFieldKind.TargetSpeedFraction, RtdeType.Double),
        ("actual_execution_time", RtdeFieldKind.ActualExecutionTime, RtdeType.Double),
        ("robot_status_bits", RtdeFieldKind.RobotStatusBits, RtdeType.UInt32),
        ("safety_status_bits", RtdeFieldKind.SafetyStatusBits, RtdeType.UInt32),
        ("output_bit_registers0_to_31", RtdeFieldKind.OutputBitRegisters0To31, RtdeType.UInt32),
        ("output_bit_registers32_to_63", RtdeFieldKind.OutputBitRegisters32To63, RtdeType.UInt32),
        ("input_bit_registers0_to_31", RtdeFieldKind.InputBitRegisters0To31, RtdeType.UInt32),
        ("input_bit_registers32_to_63", RtdeFieldKind.InputBitRegisters32To63, RtdeType.UInt32),
        ("speed_slider_mask", RtdeFieldKind.SpeedSliderMask, RtdeType.UInt32),
        ("speed_slider_fraction", RtdeFieldKind.SpeedSliderFraction, RtdeType.Double),
    ];

    /// <summary>Resolves an output name (a field the controller sends).</summary>
    /// <param name="name">Field name, case-sensitive as in the guide.</param>
    /// <param name="field">The field when known.</param>
    /// <returns>False for an unknown name (the controller answers NOT_FOUND).</returns>
    public static bool TryResolveOutput(string name, out RtdeField field) =>
        TryResolve(name, out field) && field.Kind is not (RtdeFieldKind.SpeedSliderMask or RtdeFieldKind.SpeedSliderFraction);

    /// <summary>Resolves an input name (a field the client writes).</summary>
    /// <param name="name">Field name.</param>
    /// <param name="field">The field when known.</param>
    /// <returns>False for an unknown name or an output-only field (NOT_FOUND).</returns>
    public static bool TryResolveInput(string name, out RtdeField field) =>
        TryResolve(name, out field) && field.Kind is RtdeFieldKind.InputIntRegister or RtdeFieldKind.InputDoubleRegister
            or RtdeFieldKind.InputBitRegisters0To31 or RtdeFieldKind.InputBitRegisters32To63
            or RtdeFieldKind.SpeedSliderMask or RtdeFieldKind.SpeedSliderFraction;

    /// <summary>The wire name of a field.</summary>
    /// <param name="field">The field.</param>
    /// <returns>Its name, e.g. "input_int_register_24".</returns>
    public static string Name(RtdeField field) => field.Kind switch
    {
        RtdeFieldKind.OutputIntRegister => Reg("output_int_register_", field.Index),
        RtdeFieldKind.OutputDoubleRegister => Reg("output_double_register_", field.Index),
        RtdeFieldKind.InputIntRegister => Reg("input_int_register_", field.Index),
        RtdeFieldKind.InputDoubleRegister => Reg("input_double_register_", field.Index),
        var k => Array.Find(Fixed, f => f.Kind == k).Name,
    };

    private static string Reg(string prefix, int index) => prefix + index.ToString(CultureInfo.InvariantCulture);

    private static bool TryResolve(string name, out RtdeField field)
    {
        foreach (var f in Fixed)
        {
            if (string.Equals(f.Name, name, StringComparison.Ordinal))
            {
                field = new RtdeField(f.Kind, 0, f.Type);
                return true;
            }
        }

        return TryRegister(name, "output_int_register_", RtdeFieldKind.OutputIntRegister, RtdeType.Int32, out field)
            || TryRegister(name, "output_double_register_", RtdeFieldKind.OutputDoubleRegister, RtdeType.Double, out field)
            || TryRegister(name, "input_int_register_", RtdeFieldKind.InputIntRegister, RtdeType.Int32, out field)
            || TryRegister(name, "input_double_register_", RtdeFieldKind.InputDoubleRegister, RtdeType.Double, out field);
    }

    private static bool TryRegister(string name, string prefix, RtdeFieldKind kind, RtdeType type, out RtdeField field)
    {
        field = default;
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = name.AsSpan(prefix.Length);
        if (digits.Length is 0 or > 2 || (digits.Length == 2 && digits[0] == '0')
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= RegisterCount)
        {
            return false;
        }

        field = new RtdeField(kind, index, type);
        return true;
    }
}
