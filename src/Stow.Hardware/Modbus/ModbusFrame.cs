namespace Stow.Hardware.Modbus;

/// <summary>
/// Builds and checks Modbus RTU frames (ADU: unit, function, data, CRC low, CRC high; at most
/// <see cref="MaxLength"/> bytes). Registers are big-endian on the wire. Pure functions; thread-safe; no allocation.
/// </summary>
/// <remarks>
/// <see cref="ParseResponse"/> is the only code that turns received bytes into values. It never throws on any input
/// (a property test feeds it random and mutated frames) and returns <see cref="ModbusStatus.Ok"/> only for a frame
/// whose CRC is valid and whose content matches the request, so a corrupt value never reaches a driver.
/// </remarks>
public static class ModbusFrame
{
    /// <summary>Largest RTU frame [bytes] (Modbus over Serial Line v1.02 §2.5.1.1).</summary>
    public const int MaxLength = 256;

    /// <summary>Length of an exception response [bytes].</summary>
    public const int ExceptionLength = 5;

    /// <summary>Most registers one 0x03 request may read.</summary>
    public const int MaxReadQuantity = 125;

    /// <summary>Most registers one 0x10 request may write.</summary>
    public const int MaxWriteQuantity = 123;

    /// <summary>Result of <see cref="ExpectedLength"/> while the header is still incomplete.</summary>
    public const int NeedMore = -1;

    /// <summary>Result of <see cref="ExpectedLength"/> when the bytes cannot start a response to the request.</summary>
    public const int NotAResponse = 0;

    /// <summary>Writes a 0x03 request into <paramref name="frame"/>; returns its length (8).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unit 0 or above 247, or count outside 1..125.</exception>
    public static int ReadHoldingRegisters(Span<byte> frame, byte unit, ushort address, int count)
    {
        ArgumentOutOfRangeException.ThrowIfZero(unit);
        CheckUnit(unit);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxReadQuantity);
        frame[0] = unit;
        frame[1] = (byte)ModbusFunction.ReadHoldingRegisters;
        Put(frame, 2, address);
        Put(frame, 4, (ushort)count);
        return ModbusCrc.Append(frame, 6);
    }

    /// <summary>Writes a 0x06 request; returns its length (8).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unit above 247.</exception>
    public static int WriteSingleRegister(Span<byte> frame, byte unit, ushort address, ushort value)
    {
        CheckUnit(unit);
        frame[0] = unit;
        frame[1] = (byte)ModbusFunction.WriteSingleRegister;
        Put(frame, 2, address);
        Put(frame, 4, value);
        return ModbusCrc.Append(frame, 6);
    }

    /// <summary>Writes a 0x10 request; returns its length (9 + 2·count).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unit above 247, or count outside 1..123.</exception>
    public static int WriteMultipleRegisters(Span<byte> frame, byte unit, ushort address, ReadOnlySpan<ushort> values)
    {
        CheckUnit(unit);
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Length, 1, nameof(values));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(values.Length, MaxWriteQuantity, nameof(values));
        frame[0] = unit;
        frame[1] = (byte)ModbusFunction.WriteMultipleRegisters;
        Put(frame, 2, address);
        Put(frame, 4, (ushort)values.Length);
        frame[6] = (byte)(2 * values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            Put(frame, 7 + (2 * i), values[i]);
        }

        return ModbusCrc.Append(frame, 7 + (2 * values.Length));
    }

    /// <summary>
    /// Total length of the response that <paramref name="head"/> starts, as far as its first bytes tell:
    /// <see cref="NeedMore"/>, <see cref="NotAResponse"/> (wrong unit or function), or the length in bytes.
    /// </summary>
    public static int ExpectedLength(ReadOnlySpan<byte> head, in ModbusRequest request)
    {
        if (head.Length < 2)
        {
            return NeedMore;
        }

        if (head[0] != request.Unit)
        {
            return NotAResponse;
        }

        if (head[1] == ((byte)request.Function | 0x80))
        {
            return ExceptionLength;
        }

        if (head[1] != (byte)request.Function)
        {
            return NotAResponse;
        }

        if (request.Function != ModbusFunction.ReadHoldingRegisters)
        {
            return 8;
        }

        return head.Length < 3 ? NeedMore : 5 + head[2];
    }

    /// <summary>
    /// Checks one complete response frame against its request and, for 0x03, decodes the registers into
    /// <paramref name="values"/> (at least <see cref="ModbusRequest.Quantity"/> long). Values are written only when
    /// the result is <see cref="ModbusStatus.Ok"/>. Never throws.
    /// </summary>
    public static ModbusStatus ParseResponse(ReadOnlySpan<byte> frame, in ModbusRequest request, Span<ushort> values, out ModbusExceptionCode exceptionCode)
    {
        exceptionCode = ModbusExceptionCode.None;
        var expected = ExpectedLength(frame, request);
        if (expected == NotAResponse)
        {
            return ModbusStatus.Garbage;
        }

        if (expected == NeedMore || frame.Length < expected)
        {
            return ModbusStatus.Truncated;
        }

        if (frame.Length > expected)
        {
            return ModbusStatus.Garbage;
        }

        if (!ModbusCrc.IsValid(frame))
        {
            return ModbusStatus.CrcError;
        }

        if (frame[1] == ((byte)request.Function | 0x80))
        {
            exceptionCode = (ModbusExceptionCode)frame[2];
            return ModbusStatus.ExceptionResponse;
        }

        switch (request.Function)
        {
            case ModbusFunction.ReadHoldingRegisters:
                if (frame[2] != 2 * request.Quantity || values.Length < request.Quantity)
                {
                    return ModbusStatus.UnexpectedResponse;
                }

                for (var i = 0; i < request.Quantity; i++)
                {
                    values[i] = Get(frame, 3 + (2 * i));
                }

                return ModbusStatus.Ok;
            case ModbusFunction.WriteSingleRegister:
                return Get(frame, 2) == request.Address && Get(frame, 4) == request.Value ? ModbusStatus.Ok : ModbusStatus.UnexpectedResponse;
            case ModbusFunction.WriteMultipleRegisters:
                return Get(frame, 2) == request.Address && Get(frame, 4) == request.Quantity ? ModbusStatus.Ok : ModbusStatus.UnexpectedResponse;
            default:
                return ModbusStatus.Garbage;
        }
    }

    /// <summary>Big-endian register at <paramref name="offset"/>.</summary>
    public static ushort Get(ReadOnlySpan<byte> frame, int offset) => (ushort)((frame[offset] << 8) | frame[offset + 1]);

    /// <summary>Writes a big-endian register at <paramref name="offset"/>.</summary>
    public static void Put(Span<byte> frame, int offset, ushort value)
    {
        frame[offset] = (byte)(value >> 8);
        frame[offset + 1] = (byte)value;
    }

    private static void CheckUnit(byte unit) => ArgumentOutOfRangeException.ThrowIfGreaterThan(unit, (byte)247);
}
