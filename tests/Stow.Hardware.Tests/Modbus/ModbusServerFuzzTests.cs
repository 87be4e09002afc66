using FsCheck;
using FsCheck.Xunit;
using Stow.Hardware.Modbus;
using Stow.Hardware.Serial;

namespace Stow.Hardware.Tests.Modbus;

/// <summary>Property tests of the emulator side: any request bytes give no answer or a well-formed one, never a crash.</summary>
public class ModbusServerFuzzTests
{
    private static ModbusRtuServer NewServer() => new(new SystemIoSerialPort(new SerialPortOptions("/dev/null")), 7, 64);

    [Property(MaxTest = 3000)]
    public bool Random_Requests_Get_No_Answer_Or_A_Valid_Frame(byte[] body, bool withCrc, bool forUs)
    {
        var server = NewServer();
        var frame = new byte[(body?.Length ?? 0) + 4];
        body?.CopyTo(frame, 2);
        frame[0] = forUs ? (byte)7 : (byte)(body is { Length: > 0 } ? body[0] : 0);
        frame[1] = body is { Length: > 1 } ? body[1] : (byte)3;
        var span = withCrc ? frame.AsSpan(0, ModbusCrc.Append(frame, frame.Length - 2)) : frame.AsSpan();
        var response = new byte[ModbusFrame.MaxLength];
        var n = server.Respond(span, response);
        return n == 0 || (ModbusCrc.IsValid(response.AsSpan(0, n)) && response[0] == 7);
    }

    [Property(MaxTest = 1000)]
    public bool Well_Formed_Reads_Inside_The_Bank_Are_Answered_With_Their_Registers(byte address, byte count)
    {
        var server = NewServer();
        var a = address % 64;
        var q = 1 + (count % (64 - a));
        for (var i = 0; i < 64; i++)
        {
            server[i] = (ushort)(i * 1000);
        }

        var request = new byte[8];
        ModbusFrame.ReadHoldingRegisters(request, 7, (ushort)a, q);
        var response = new byte[ModbusFrame.MaxLength];
        var n = server.Respond(request, response);
        var values = new ushort[q];
        var status = ModbusFrame.ParseResponse(response.AsSpan(0, n), new ModbusRequest(7, ModbusFunction.ReadHoldingRegisters, (ushort)a, (ushort)q), values, out _);
        return status == ModbusStatus.Ok && values.Select((v, i) => v == (ushort)((a + i) * 1000)).All(x => x);
    }
}
