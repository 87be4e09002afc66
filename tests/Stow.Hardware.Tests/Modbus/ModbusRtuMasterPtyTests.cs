using Stow.Hardware.Modbus;

namespace Stow.Hardware.Tests.Modbus;

/// <summary>End-to-end over real ptys: a master against a register server, with bad bytes injected by the server.</summary>
[Collection("pty")]
public class ModbusRtuMasterPtyTests
{
    private const byte Unit = ModbusPtyRig.Unit;

    [Fact]
    public void Registers_Written_By_The_Master_Read_Back_Unchanged()
    {
        using var rig = new ModbusPtyRig();
        Assert.True(rig.Master.WriteSingleRegister(Unit, 3, 0xBEEF).IsOk);
        Assert.True(rig.Master.WriteMultipleRegisters(Unit, 10, [1, 2, 3, 65535]).IsOk);
        var values = new ushort[14];
        var r = rig.Master.ReadHoldingRegisters(Unit, 0, values);
        Assert.Equal(ModbusStatus.Ok, r.Status);
        Assert.Equal(1, r.Attempts);
        Assert.Equal(0xBEEF, values[3]);
        Assert.Equal(new ushort[] { 1, 2, 3, 65535 }, values[10..14]);
        Assert.Equal(0xBEEF, rig.Server[3]);
    }

    [Fact]
    public void A_Read_Past_The_Register_Bank_Surfaces_Illegal_Data_Address_Without_Retry()
    {
        using var rig = new ModbusPtyRig();
        var r = rig.Master.ReadHoldingRegisters(Unit, 60, new ushort[10]);
        Assert.Equal(ModbusStatus.ExceptionResponse, r.Status);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, r.ExceptionCode);
        Assert.Equal(1, r.Attempts);
        Assert.False(rig.Master.IsFaulted);
    }

    [Fact]
    public void A_Corrupted_Crc_Is_Counted_And_Retried()
    {
        using var rig = new ModbusPtyRig();
        rig.Server[0] = 1234;
        var bad = 1;
        rig.Server.Tamper = f =>
        {
            if (Interlocked.Exchange(ref bad, 0) == 1)
            {
                f[3] ^= 0x40;
            }

            return f;
        };
        var values = new ushort[1];
        var r = rig.Master.ReadHoldingRegisters(Unit, 0, values);
        Assert.Equal(ModbusStatus.Ok, r.Status);
        Assert.Equal(2, r.Attempts);
        Assert.Equal(1234, values[0]);
        Assert.True(rig.Master.Statistics.Count(ModbusStatus.CrcError) == 1, string.Join(",", Enum.GetValues<ModbusStatus>().Select(s => $"{s}={rig.Master.Statistics.Count(s)}")));
        Assert.Equal(1, rig.Master.Statistics.Retries);
    }

    [Theory]
    [InlineData("truncated", ModbusStatus.Truncated)]
    [InlineData("garbage", ModbusStatus.Garbage)]
    [InlineData("silence", ModbusStatus.Timeout)]
    [InlineData("wrong-count", ModbusStatus.UnexpectedResponse)]
    public void Each_Kind_Of_Bad_Reply_Is_Detected_Counted_And_Retried(string fault, ModbusStatus expected)
    {
        using var rig = new ModbusPtyRig();
        rig.Server[1] = 77;
        var remaining = 1;
        rig.Server.Tamper = f => Interlocked.Exchange(ref remaining, 0) == 0 ? f : fault switch
        {
            "truncated" => f[..^3],
            "garbage" => [0x55, 0xAA, 0x00, 0xFF, 0x13],
            "silence" => null,
            _ => ModbusFrameTests.WithCrc("07030400000000"),
        };
        var values = new ushort[1];
        var r = rig.Master.ReadHoldingRegisters(Unit, 1, values);
        Assert.Equal(ModbusStatus.Ok, r.Status);
        Assert.Equal(77, values[0]);
        Assert.Equal(2, r.Attempts);
        Assert.Equal(1, rig.Master.Statistics.Count(expected));
    }

    [Fact]
    public void Persistent_Silence_Faults_The_Master_And_No_Further_Request_Is_Sent()
    {
        using var rig = new ModbusPtyRig(ModbusPtyRig.Fast with { MaxRetries = 1, FaultAfterFailures = 2 });
        rig.Server.Tamper = _ => null;
        Assert.Equal(ModbusStatus.Timeout, rig.Master.WriteSingleRegister(Unit, 0, 5).Status);
        Assert.False(rig.Master.IsFaulted);
        Assert.Equal(ModbusStatus.Timeout, rig.Master.WriteSingleRegister(Unit, 0, 5).Status);
        Assert.True(rig.Master.IsFaulted);
        var served = rig.Server.Served;

        var r = rig.Master.WriteSingleRegister(Unit, 0, 6);
        Assert.Equal(ModbusStatus.Faulted, r.Status);
        Assert.Equal(0, r.Attempts);
        Assert.Equal(served, rig.Server.Served);

        rig.Server.Tamper = null;
        rig.Master.ResetFault();
        Assert.True(rig.Master.WriteSingleRegister(Unit, 0, 6).IsOk);
        Assert.Equal(6, rig.Server[0]);
    }

    [Fact]
    public void A_Pulled_Line_Is_Reported_As_Disconnected_And_Reopened_When_It_Returns()
    {
        using var rig = new ModbusPtyRig(ModbusPtyRig.Fast with { MaxRetries = 0, FaultAfterFailures = 10 });
        Assert.True(rig.Master.WriteSingleRegister(Unit, 2, 9).IsOk);
        rig.Pair.Kill();
        var r = rig.Master.ReadHoldingRegisters(Unit, 2, new ushort[1]);
        Assert.Contains(r.Status, new[] { ModbusStatus.Disconnected, ModbusStatus.Timeout });

        rig.Pair.Start();
        ModbusResult back = default;
        for (var i = 0; i < 50 && !back.IsOk; i++)
        {
            back = rig.Master.ReadHoldingRegisters(Unit, 2, new ushort[1]); // each failed try waits its timeout
        }

        Assert.True(back.IsOk, back.ToString());
        Assert.True(rig.Master.Statistics.Reopens >= 1);
        Assert.True(rig.Master.Statistics.Count(ModbusStatus.Disconnected) >= 1);
    }

    [Fact]
    public void A_Broadcast_Write_Reaches_The_Server_Without_A_Reply()
    {
        using var rig = new ModbusPtyRig();
        Assert.True(rig.Master.WriteSingleRegister(0, 4, 321).IsOk);
        var values = new ushort[1];
        Assert.True(rig.Master.ReadHoldingRegisters(Unit, 4, values).IsOk);
        Assert.Equal(321, values[0]);
    }
}
