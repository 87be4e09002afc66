using Stow.Hardware.BandSeparator;
using Stow.Hardware.Drivers;
using Stow.Hardware.Eoat;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Management;
using Stow.Hardware.Serial;

namespace Stow.Hardware.Tests.Drivers;

/// <summary>The Modbus driver types in the registry: parameters, path resolution, and a missing device.</summary>
public class ModbusDriverConfigTests
{
    [Fact]
    public void The_Registry_Builds_Both_Drivers_With_Their_Line_Parameters()
    {
        const string json = """
            {"hardware":{"components":[
              {"name":"eoat","type":"modbus.eoat","params":{"device":"eoat.tty","baud":57600,"parity":"none","unit":5,"responseTimeout":0.25,"retries":4}},
              {"name":"bands","type":"modbus.band_separator","params":{"device":"/dev/ttyUSB1"}}
            ]}}
            """;
        var registry = new HardwareRegistry();
        ModbusDrivers.Register(registry, "/run/stowcell");
        var hw = HardwareManager.Build(HardwareConfig.Parse(json), registry);
        var eoat = Assert.IsType<ModbusEoat>(hw.Get<IEoat>("eoat"));
        Assert.Equal("/run/stowcell/eoat.tty", eoat.Options.Line.Device);
        Assert.Equal(57600, eoat.Options.Line.BaudRate);
        Assert.Equal(SerialParity.None, eoat.Options.Line.Parity);
        Assert.Equal(5, eoat.Options.Unit);
        Assert.Equal(TimeSpan.FromSeconds(0.25), eoat.Options.Master.ResponseTimeout);
        Assert.Equal(4, eoat.Options.Master.MaxRetries);
        Assert.Equal(TimeSpan.Zero, eoat.Options.ExchangePeriod);
        Assert.Equal(TimeSpan.FromSeconds(3 * 5 * 0.25), eoat.Options.StaleAfter); // 3 × (retries + 1) × responseTimeout
        var bands = Assert.IsType<ModbusBandSeparator>(hw.Get<IBandSeparator>("bands"));
        Assert.Equal("/dev/ttyUSB1", bands.Options.Line.Device);
        Assert.Equal(2, bands.Options.Unit);
        Assert.Equal(SerialParity.Even, bands.Options.Line.Parity);
    }

    [Theory]
    [InlineData("{}", "device")]
    [InlineData("{\"device\":\"x\",\"unit\":0}", "unit")]
    [InlineData("{\"device\":\"x\",\"unit\":300}", "unit")]
    [InlineData("{\"device\":\"x\",\"parity\":\"mark\"}", "parity")]
    [InlineData("{\"device\":\"x\",\"responseTimeout\":-1}", "responseTimeout")]
    [InlineData("{\"device\":\"x\",\"retries\":-1}", "retries")]
    [InlineData("{\"device\":7}", "device")]
    [InlineData("{\"device\":\"x\",\"exchangePeriod\":-0.01}", "exchangePeriod")]
    [InlineData("{\"device\":\"x\",\"exchangePeriod\":2}", "exchangePeriod")]
    [InlineData("{\"device\":\"x\",\"staleAfter\":0}", "staleAfter")]
    [InlineData("{\"device\":\"x\",\"responseTimeout\":0.1,\"retries\":2,\"staleAfter\":0.3}", "staleAfter")]
    [InlineData("{\"device\":\"x\",\"responseTimeout\":0.1,\"retries\":2,\"exchangePeriod\":0.5,\"staleAfter\":0.7}", "staleAfter")]
    public void Bad_Parameters_Are_Rejected_Naming_The_Field(string parameters, string field)
    {
        var registry = new HardwareRegistry();
        ModbusDrivers.Register(registry);
        var json = "{\"hardware\":{\"components\":[{\"name\":\"eoat\",\"type\":\"modbus.eoat\",\"params\":" + parameters + "}]}}";
        var ex = Assert.Throws<HardwareConfigException>(() => HardwareManager.Build(HardwareConfig.Parse(json), registry));
        Assert.Contains("'eoat'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("hardware:components:0:params:" + field, ex.Field);
    }

    [Fact]
    public void Configure_Fails_Naming_The_Device_When_It_Does_Not_Exist()
    {
        var device = Path.Combine(Path.GetTempPath(), "stowcell-no-such-tty-" + Guid.NewGuid().ToString("N")[..8]);
        var c = new ComponentConfig("eoat", "modbus.eoat", System.Text.Json.JsonDocument.Parse($"{{\"device\":\"{device}\"}}").RootElement);
        var eoat = new ModbusEoat("eoat", ModbusDeviceOptions.FromConfig(c, 1, null));
        Assert.Equal(CallbackReturn.Failure, eoat.Configure());
        Assert.Equal(LifecycleState.Unconfigured, eoat.LifecycleState);
        Assert.Contains(device, eoat.TransitionError, StringComparison.Ordinal);
        Assert.Equal(HardwareResult.Error, eoat.Read(0, 0.01));
        Assert.Equal(CommandStatus.NotActive, eoat.CommandBelts(0.1, 0.1));
    }

    [Fact]
    public void A_Stale_Age_Too_Short_For_One_Transaction_Is_Rejected_With_The_Bound_In_The_Message()
    {
        var c = new ComponentConfig("bands", "modbus.band_separator", System.Text.Json.JsonDocument.Parse(
            "{\"device\":\"x\",\"responseTimeout\":0.1,\"retries\":2,\"exchangePeriod\":0.01,\"staleAfter\":0.2}").RootElement);
        var ex = Assert.Throws<HardwareConfigException>(() => ModbusDeviceOptions.FromConfig(c, 2, null));
        Assert.Contains("'staleAfter' 0.2 s must exceed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0.31 s", ex.Message, StringComparison.Ordinal);
        var ok = ModbusDeviceOptions.FromConfig(new ComponentConfig("bands", "modbus.band_separator", System.Text.Json.JsonDocument.Parse(
            "{\"device\":\"x\",\"responseTimeout\":0.1,\"retries\":2,\"exchangePeriod\":0.01}").RootElement), 2, null);
        Assert.Equal(TimeSpan.FromSeconds(0.01), ok.ExchangePeriod);
        Assert.Equal(TimeSpan.FromSeconds(0.91), ok.StaleAfter);
    }
}
