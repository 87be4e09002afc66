using System.Buffers.Binary;

namespace Stow.Hardware.Ur.Rtde;

/// <summary>
/// Serialises and parses the fields of a recipe to and from a data package payload (after the recipe id), big-endian,
/// in recipe order, without allocation. Thread-safe (pure functions).
/// </summary>
public static class RtdeCodec
{
    /// <summary>Writes a whole data package (header, recipe id, fields) for <paramref name="recipe"/>.</summary>
    /// <param name="dst">At least <see cref="RtdeRecipe.PackageSize"/> bytes.</param>
    /// <param name="recipe">The recipe.</param>
    /// <param name="state">Values.</param>
    /// <returns>Bytes written.</returns>
    public static int WritePackage(Span<byte> dst, RtdeRecipe recipe, in RtdeState state)
    {
        RtdePackets.WriteHeader(dst, recipe.PackageSize, RtdeCommand.DataPackage);
        dst[RtdePackets.HeaderSize] = recipe.Id;
        var o = RtdePackets.HeaderSize + 1;
        foreach (var f in recipe.Fields)
        {
            o += WriteField(dst[o..], f, state);
        }

        return o;
    }

    /// <summary>Parses a data package payload (after the recipe id byte) into <paramref name="state"/>.</summary>
    /// <param name="fields">Payload bytes of the fields.</param>
    /// <param name="recipe">The recipe the package carries.</param>
    /// <param name="state">Receives the values; untouched when the size is wrong.</param>
    /// <returns>False when the payload size does not match the recipe.</returns>
    public static bool ReadFields(ReadOnlySpan<byte> fields, RtdeRecipe recipe, ref RtdeState state)
    {
        if (fields.Length != recipe.PayloadSize)
        {
            return false;
        }

        var o = 0;
        foreach (var f in recipe.Fields)
        {
            o += ReadField(fields[o..], f, ref state);
        }

        return true;
    }

    private static int WriteField(Span<byte> d, RtdeField f, in RtdeState s)
    {
        switch (f.Kind)
        {
            case RtdeFieldKind.Timestamp: return PutD(d, s.Timestamp);
            case RtdeFieldKind.ActualQ: return PutV(d, s.ActualQ);
            case RtdeFieldKind.ActualQd: return PutV(d, s.ActualQd);
            case RtdeFieldKind.TargetQ: return PutV(d, s.TargetQ);
            case RtdeFieldKind.TargetQd: return PutV(d, s.TargetQd);
            case RtdeFieldKind.ActualTcpPose: return PutV(d, s.ActualTcpPose);
            case RtdeFieldKind.ActualTcpSpeed: return PutV(d, s.ActualTcpSpeed);
            case RtdeFieldKind.ActualTcpForce: return PutV(d, s.ActualTcpForce);
            case RtdeFieldKind.TargetTcpPose: return PutV(d, s.TargetTcpPose);
            case RtdeFieldKind.TargetTcpSpeed: return PutV(d, s.TargetTcpSpeed);
            case RtdeFieldKind.RobotMode: return PutI(d, s.RobotMode);
            case RtdeFieldKind.SafetyMode: return PutI(d, s.SafetyMode);
            case RtdeFieldKind.SafetyStatus: return PutI(d, s.SafetyStatus);
            case RtdeFieldKind.RuntimeState: return PutU(d, s.RuntimeState);
            case RtdeFieldKind.SpeedScaling: return PutD(d, s.SpeedScaling);
            case RtdeFieldKind.TargetSpeedFraction: return PutD(d, s.TargetSpeedFraction);
            case RtdeFieldKind.ActualExecutionTime: return PutD(d, s.ActualExecutionTime);
            case RtdeFieldKind.RobotStatusBits: return PutU(d, s.RobotStatusBits);
            case RtdeFieldKind.SafetyStatusBits: return PutU(d, s.SafetyStatusBits);
            case RtdeFieldKind.OutputBitRegisters0To31: return PutU(d, (uint)s.OutputBitRegisters);
            case RtdeFieldKind.OutputBitRegisters32To63: return PutU(d, (uint)(s.OutputBitRegisters >> 32));
            case RtdeFieldKind.InputBitRegisters0To31: return PutU(d, (uint)s.InputBitRegisters);
            case RtdeFieldKind.InputBitRegisters32To63: return PutU(d, (uint)(s.InputBitRegisters >> 32));
            case RtdeFieldKind.OutputIntRegister: return PutI(d, s.OutputIntRegisters[f.Index]);
            case RtdeFieldKind.OutputDoubleRegister: return PutD(d, s.OutputDoubleRegisters[f.Index]);
            case RtdeFieldKind.InputIntRegister: return PutI(d, s.InputIntRegisters[f.Index]);
            case RtdeFieldKind.InputDoubleRegister: return PutD(d, s.InputDoubleRegisters[f.Index]);
            case RtdeFieldKind.SpeedSliderMask: return PutU(d, s.SpeedSliderMask);
            case RtdeFieldKind.SpeedSliderFraction: return PutD(d, s.SpeedSliderFraction);
            default: return 0;
        }
    }

    private static int ReadField(ReadOnlySpan<byte> d, RtdeField f, ref RtdeState s)
    {
        switch (f.Kind)
        {
            case RtdeFieldKind.Timestamp: s.Timestamp = GetD(d); return 8;
            case RtdeFieldKind.ActualQ: return GetV(d, ref s.ActualQ);
            case RtdeFieldKind.ActualQd: return GetV(d, ref s.ActualQd);
            case RtdeFieldKind.TargetQ: return GetV(d, ref s.TargetQ);
            case RtdeFieldKind.TargetQd: return GetV(d, ref s.TargetQd);
            case RtdeFieldKind.ActualTcpPose: return GetV(d, ref s.ActualTcpPose);
            case RtdeFieldKind.ActualTcpSpeed: return GetV(d, ref s.ActualTcpSpeed);
            case RtdeFieldKind.ActualTcpForce: return GetV(d, ref s.ActualTcpForce);
            case RtdeFieldKind.TargetTcpPose: return GetV(d, ref s.TargetTcpPose);
            case RtdeFieldKind.TargetTcpSpeed: return GetV(d, ref s.TargetTcpSpeed);
            case RtdeFieldKind.RobotMode: s.RobotMode = GetI(d); return 4;
            case RtdeFieldKind.SafetyMode: s.SafetyMode = GetI(d); return 4;
            case RtdeFieldKind.SafetyStatus: s.SafetyStatus = GetI(d); return 4;
            case RtdeFieldKind.RuntimeState: s.RuntimeState = GetU(d); return 4;
            case RtdeFieldKind.SpeedScaling: s.SpeedScaling = GetD(d); return 8;
            case RtdeFieldKind.TargetSpeedFraction: s.TargetSpeedFraction = GetD(d); return 8;
            case RtdeFieldKind.ActualExecutionTime: s.ActualExecutionTime = GetD(d); return 8;
            case RtdeFieldKind.RobotStatusBits: s.RobotStatusBits = GetU(d); return 4;
            case RtdeFieldKind.SafetyStatusBits: s.SafetyStatusBits = GetU(d); return 4;
            case RtdeFieldKind.OutputBitRegisters0To31: s.OutputBitRegisters = (s.OutputBitRegisters & ~0xFFFF_FFFFUL) | GetU(d); return 4;
            case RtdeFieldKind.OutputBitRegisters32To63: s.OutputBitRegisters = (s.OutputBitRegisters & 0xFFFF_FFFFUL) | ((ulong)GetU(d) << 32); return 4;
            case RtdeFieldKind.InputBitRegisters0To31: s.InputBitRegisters = (s.InputBitRegisters & ~0xFFFF_FFFFUL) | GetU(d); return 4;
            case RtdeFieldKind.InputBitRegisters32To63: s.InputBitRegisters = (s.InputBitRegisters & 0xFFFF_FFFFUL) | ((ulong)GetU(d) << 32); return 4;
            case RtdeFieldKind.OutputIntRegister: s.OutputIntRegisters[f.Index] = GetI(d); return 4;
            case RtdeFieldKind.OutputDoubleRegister: s.OutputDoubleRegisters[f.Index] = GetD(d); return 8;
            case RtdeFieldKind.InputIntRegister: s.InputIntRegisters[f.Index] = GetI(d); return 4;
            case RtdeFieldKind.InputDoubleRegister: s.InputDoubleRegisters[f.Index] = GetD(d); return 8;
            case RtdeFieldKind.SpeedSliderMask: s.SpeedSliderMask = GetU(d); return 4;
            case RtdeFieldKind.SpeedSliderFraction: s.SpeedSliderFraction = GetD(d); return 8;
            default: return RtdeTypes.Size(f.Type);
        }
    }

    private static int PutD(Span<byte> d, double v)
    {
        BinaryPrimitives.WriteDoubleBigEndian(d, v);
        return 8;
    }

    private static int PutI(Span<byte> d, int v)
    {
        BinaryPrimitives.WriteInt32BigEndian(d, v);
        return 4;
    }

    private static int PutU(Span<byte> d, uint v)
    {
        BinaryPrimitives.WriteUInt32BigEndian(d, v);
        return 4;
    }

    private static int PutV(Span<byte> d, in RtdeVector6 v)
    {
        for (var i = 0; i < 6; i++)
        {
            BinaryPrimitives.WriteDoubleBigEndian(d[(8 * i)..], v[i]);
        }

        return 48;
    }

    private static double GetD(ReadOnlySpan<byte> d) => BinaryPrimitives.ReadDoubleBigEndian(d);

    private static int GetI(ReadOnlySpan<byte> d) => BinaryPrimitives.ReadInt32BigEndian(d);

    private static uint GetU(ReadOnlySpan<byte> d) => BinaryPrimitives.ReadUInt32BigEndian(d);

    private static int GetV(ReadOnlySpan<byte> d, ref RtdeVector6 v)
    {
        for (var i = 0; i < 6; i++)
        {
            v[i] = BinaryPrimitives.ReadDoubleBigEndian(d[(8 * i)..]);
        }

        return 48;
    }
}
