using FsCheck;
using FsCheck.Xunit;
using Stow.Hardware.Modbus;

namespace Stow.Hardware.Tests.Modbus;

/// <summary>Property tests: the response parser never throws and never accepts a corrupted frame.</summary>
public class ModbusFrameFuzzTests
{
    private static readonly ModbusFunction[] Functions =
        [ModbusFunction.ReadHoldingRegisters, ModbusFunction.WriteSingleRegister, ModbusFunction.WriteMultipleRegisters];

    private static ModbusRequest Request(byte unit, int fn, ushort address, int quantity, ushort value)
    {
        var f = Functions[Math.Abs(fn % 3)];
        var q = f == ModbusFunction.WriteSingleRegister ? 1 : 1 + Math.Abs(quantity % 125);
        return new ModbusRequest((byte)(1 + (unit % 247)), f, address, (ushort)q, value);
    }

    /// <summary>The valid response to <paramref name="r"/> carrying <paramref name="values"/>.</summary>
    private static byte[] Response(ModbusRequest r, ushort[] values)
    {
        var f = new byte[ModbusFrame.MaxLength];
        f[0] = r.Unit;
        f[1] = (byte)r.Function;
        int n;
        if (r.Function == ModbusFunction.ReadHoldingRegisters)
        {
            f[2] = (byte)(2 * r.Quantity);
            for (var i = 0; i < r.Quantity; i++)
            {
                ModbusFrame.Put(f, 3 + (2 * i), values[i % values.Length]);
            }

            n = 3 + (2 * r.Quantity);
        }
        else
        {
            ModbusFrame.Put(f, 2, r.Address);
            ModbusFrame.Put(f, 4, r.Function == ModbusFunction.WriteSingleRegister ? r.Value : r.Quantity);
            n = 6;
        }

        return f.AsSpan(0, ModbusCrc.Append(f, n)).ToArray();
    }

    [Property(MaxTest = 3000)]
    public bool Random_Bytes_Never_Throw_And_Are_Ok_Only_With_A_Valid_Crc(byte[] bytes, byte unit, int fn, ushort address, int quantity, ushort value)
    {
        var r = Request(unit, fn, address, quantity, value);
        var status = ModbusFrame.ParseResponse(bytes ?? [], r, new ushort[125], out _);
        _ = ModbusFrame.ExpectedLength(bytes ?? [], r);
        return status != ModbusStatus.Ok || ModbusCrc.IsValid(bytes);
    }

    [Property(MaxTest = 3000)]
    public bool Valid_Responses_Parse_To_The_Values_Sent(byte unit, int fn, ushort address, int quantity, ushort value, NonEmptyArray<ushort> values)
    {
        var r = Request(unit, fn, address, quantity, value);
        var frame = Response(r, values.Get);
        var decoded = new ushort[125];
        var ok = ModbusFrame.ParseResponse(frame, r, decoded, out _) == ModbusStatus.Ok;
        return ok && (r.Function != ModbusFunction.ReadHoldingRegisters ||
                      Enumerable.Range(0, r.Quantity).All(i => decoded[i] == values.Get[i % values.Get.Length]));
    }

    [Property(MaxTest = 5000)]
    public bool A_Response_With_Any_Byte_Changed_Is_Never_Ok(byte unit, int fn, ushort address, int quantity, ushort value, NonEmptyArray<ushort> values, int position, byte xor)
    {
        var r = Request(unit, fn, address, quantity, value);
        var frame = Response(r, values.Get);
        frame[Math.Abs(position % frame.Length)] ^= xor == 0 ? (byte)1 : xor;
        var decoded = new ushort[125];
        var status = ModbusFrame.ParseResponse(frame, r, decoded, out _);
        return status != ModbusStatus.Ok && decoded.All(v => v == 0);
    }

    [Property(MaxTest = 3000)]
    public bool A_Cut_Or_Extended_Response_Is_Never_Ok(byte unit, int fn, ushort address, int quantity, ushort value, NonEmptyArray<ushort> values, int cut, byte[] tail)
    {
        var r = Request(unit, fn, address, quantity, value);
        var frame = Response(r, values.Get);
        var mutated = (tail is { Length: > 0 })
            ? frame.Concat(tail).ToArray()
            : frame.AsSpan(0, Math.Abs(cut % frame.Length)).ToArray();
        return ModbusFrame.ParseResponse(mutated, r, new ushort[125], out _) != ModbusStatus.Ok;
    }
}
