using Stow.Hardware.Modbus;

namespace Stow.Hardware.Tests.Modbus;

public class ModbusFrameTests
{
    [Theory]
    [InlineData("01030000000A", 0xCDC5)] // Modbus over Serial Line v1.02 examples: 01 03 00 00 00 0A C5 CD
    [InlineData("1103006B0003", 0x8776)] // Modbus Application Protocol example: 11 03 00 6B 00 03 76 87
    public void Crc_Matches_The_Published_Examples(string hex, int crc) =>
        Assert.Equal((ushort)crc, ModbusCrc.Compute(Convert.FromHexString(hex)));

    [Fact]
    public void A_Read_Request_Is_Built_Big_Endian_With_The_Crc_Low_Byte_First()
    {
        var f = new byte[8];
        Assert.Equal(8, ModbusFrame.ReadHoldingRegisters(f, 0x11, 0x006B, 3));
        Assert.Equal("1103006B00037687", Convert.ToHexString(f));
    }

    [Fact]
    public void A_Write_Multiple_Request_Carries_Its_Byte_Count_And_Values()
    {
        var f = new byte[ModbusFrame.MaxLength];
        var n = ModbusFrame.WriteMultipleRegisters(f, 1, 0x0010, [0x1234, 0xABCD]);
        Assert.Equal(13, n);
        Assert.Equal("011000100002041234ABCD", Convert.ToHexString(f, 0, 11));
        Assert.True(ModbusCrc.IsValid(f.AsSpan(0, n)));
    }

    [Fact]
    public void Request_Arguments_Out_Of_Range_Are_Refused()
    {
        var f = new byte[ModbusFrame.MaxLength];
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusFrame.ReadHoldingRegisters(f, 1, 0, 126));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusFrame.ReadHoldingRegisters(f, 0, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusFrame.WriteSingleRegister(f, 248, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusFrame.WriteMultipleRegisters(f, 1, 0, new ushort[124]));
    }

    [Fact]
    public void A_Valid_Read_Response_Yields_Its_Registers()
    {
        var req = new ModbusRequest(0x11, ModbusFunction.ReadHoldingRegisters, 0x6B, 3);
        var frame = WithCrc("110306022B00000064");
        var values = new ushort[3];
        Assert.Equal(ModbusStatus.Ok, ModbusFrame.ParseResponse(frame, req, values, out _));
        Assert.Equal(new ushort[] { 0x022B, 0, 0x64 }, values);
    }

    [Fact]
    public void An_Exception_Response_Carries_Its_Code()
    {
        var req = new ModbusRequest(1, ModbusFunction.ReadHoldingRegisters, 0, 1);
        Assert.Equal(ModbusStatus.ExceptionResponse, ModbusFrame.ParseResponse(WithCrc("018302"), req, new ushort[1], out var code));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, code);
    }

    [Fact]
    public void A_Flipped_Bit_Is_A_Crc_Error_And_Leaves_The_Values_Untouched()
    {
        var req = new ModbusRequest(1, ModbusFunction.ReadHoldingRegisters, 0, 1);
        var frame = WithCrc("01030200FF");
        frame[4] ^= 0x01;
        var values = new ushort[] { 7 };
        Assert.Equal(ModbusStatus.CrcError, ModbusFrame.ParseResponse(frame, req, values, out _));
        Assert.Equal(7, values[0]);
    }

    [Theory]
    [InlineData("020302000A", ModbusStatus.Garbage)] // another unit
    [InlineData("010402000A", ModbusStatus.Garbage)] // another function
    [InlineData("01030400000000", ModbusStatus.UnexpectedResponse)] // two registers for a one-register request
    public void Responses_That_Do_Not_Answer_The_Request_Are_Not_Ok(string hex, ModbusStatus expected)
    {
        var req = new ModbusRequest(1, ModbusFunction.ReadHoldingRegisters, 0, 1);
        Assert.Equal(expected, ModbusFrame.ParseResponse(WithCrc(hex), req, new ushort[1], out _));
    }

    [Fact]
    public void A_Write_Echo_With_Another_Value_Is_Unexpected()
    {
        var req = new ModbusRequest(1, ModbusFunction.WriteSingleRegister, 5, 1, 100);
        Assert.Equal(ModbusStatus.Ok, ModbusFrame.ParseResponse(WithCrc("010600050064"), req, [], out _));
        Assert.Equal(ModbusStatus.UnexpectedResponse, ModbusFrame.ParseResponse(WithCrc("010600050065"), req, [], out _));
    }

    [Fact]
    public void A_Short_Frame_Is_Truncated()
    {
        var req = new ModbusRequest(1, ModbusFunction.ReadHoldingRegisters, 0, 2);
        var frame = WithCrc("0103040001000200");
        Assert.Equal(ModbusStatus.Truncated, ModbusFrame.ParseResponse(frame.AsSpan(0, 6), req, new ushort[2], out _));
    }

    internal static byte[] WithCrc(string hex)
    {
        var body = Convert.FromHexString(hex);
        var f = new byte[body.Length + 2];
        body.CopyTo(f, 0);
        ModbusCrc.Append(f, body.Length);
        return f;
    }
}
