using Stow.Hardware.Modbus;

namespace Stow.Hardware.Tests.Modbus;

[Collection("pty")]
public class RegisterMapTests
{
    [Theory]
    [InlineData(0.1234, 1e-4, 1234)]
    [InlineData(0.0, 1e-4, 0)]
    [InlineData(6.5535, 1e-4, 65535)]
    [InlineData(25.04, 0.1, 250)]
    public void Unsigned_Si_Values_Encode_To_Rounded_Counts(double value, double resolution, int counts)
    {
        Assert.True(RegisterScaling.TryEncodeUnsigned(value, resolution, out var r));
        Assert.Equal(counts, r);
        Assert.Equal(counts * resolution, RegisterScaling.DecodeUnsigned(r, resolution), 9);
    }

    [Theory]
    [InlineData(-0.001)]
    [InlineData(6.6)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Unsigned_Values_That_Do_Not_Fit_Are_Refused_Not_Clamped(double value) =>
        Assert.False(RegisterScaling.TryEncodeUnsigned(value, 1e-4, out _));

    [Theory]
    [InlineData(-0.25, -250)]
    [InlineData(0.4, 400)]
    [InlineData(-32.768, -32768)]
    public void Signed_Speeds_Travel_As_Twos_Complement(double speed, int counts)
    {
        Assert.True(RegisterScaling.TryEncodeSigned(speed, EoatRegisters.SpeedResolution, out var r));
        Assert.Equal(unchecked((ushort)(short)counts), r);
        Assert.Equal(speed, RegisterScaling.DecodeSigned(r, EoatRegisters.SpeedResolution), 9);
        Assert.False(RegisterScaling.TryEncodeSigned(32.768, EoatRegisters.SpeedResolution, out _));
    }

    [Fact]
    public void Maps_Have_Disjoint_Contiguous_Blocks()
    {
        Assert.Equal(EoatRegisters.Watchdog, EoatRegisters.CommandStart + EoatRegisters.CommandCount - 1);
        Assert.Equal(EoatRegisters.Sequence, EoatRegisters.StatusStart + EoatRegisters.StatusCount - 1);
        Assert.Equal(BandSeparatorRegisters.Watchdog, BandSeparatorRegisters.CommandStart + BandSeparatorRegisters.CommandCount - 1);
        Assert.Equal(BandSeparatorRegisters.Sequence, BandSeparatorRegisters.StatusStart + BandSeparatorRegisters.StatusCount - 1);
        Assert.True(EoatRegisters.CommandCount <= ModbusFrame.MaxWriteQuantity && EoatRegisters.StatusCount <= ModbusFrame.MaxReadQuantity);
    }

    [Fact]
    public void An_Eoat_Command_Block_And_Status_Block_Cross_A_Pty_In_One_Transaction_Each()
    {
        using var rig = new ModbusPtyRig();
        Span<ushort> cmd = stackalloc ushort[EoatRegisters.CommandCount];
        cmd[EoatRegisters.Action] = EoatRegisters.ActionActivate | EoatRegisters.ActionGo;
        Assert.True(RegisterScaling.TryEncodeUnsigned(0.085, EoatRegisters.LengthResolution, out cmd[EoatRegisters.PaddleGapSet]));
        Assert.True(RegisterScaling.TryEncodeSigned(-0.2, EoatRegisters.SpeedResolution, out cmd[EoatRegisters.LeftBeltSpeedSet]));
        Assert.True(rig.Master.WriteMultipleRegisters(ModbusPtyRig.Unit, EoatRegisters.CommandStart, cmd).IsOk);
        Assert.Equal(850, rig.Server[EoatRegisters.PaddleGapSet]);
        Assert.Equal(-0.2, RegisterScaling.DecodeSigned(rig.Server[EoatRegisters.LeftBeltSpeedSet], EoatRegisters.SpeedResolution), 9);

        // The rig's bank has 64 registers: mirror the status block at 0x0010 for the read.
        rig.Server[0x10] = EoatRegisters.StatusActivated | EoatRegisters.StatusFrontBeam;
        rig.Server[0x10 + (EoatRegisters.PaddleGap - EoatRegisters.StatusStart)] = 851;
        var status = new ushort[EoatRegisters.StatusCount];
        Assert.True(rig.Master.ReadHoldingRegisters(ModbusPtyRig.Unit, 0x10, status).IsOk);
        Assert.NotEqual(0, status[0] & EoatRegisters.StatusFrontBeam);
        Assert.Equal(0.0851, RegisterScaling.DecodeUnsigned(status[EoatRegisters.PaddleGap - EoatRegisters.StatusStart], EoatRegisters.LengthResolution), 9);
    }
}
