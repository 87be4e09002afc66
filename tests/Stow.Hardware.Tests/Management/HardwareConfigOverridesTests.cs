using Stow.Hardware.Management;

namespace Stow.Hardware.Tests.Management;

/// <summary>Endpoint overrides of a hardware section from the command line (<c>COMPONENT.PARAM=VALUE</c>).</summary>
public sealed class HardwareConfigOverridesTests
{
    private const string Config = """
        {"hardware":{"components":[
          {"name":"arm","type":"ur.arm","params":{"rtdePort":30004}},
          {"name":"eoat","type":"modbus.eoat","params":{"device":"/dev/ttyUSB0"}},
          {"name":"camera","type":"recorded.camera"}]}}
        """;

    [Fact(Timeout = 10_000)]
    public async Task Overrides_Replace_Numbers_Strings_And_Add_Missing_Params()
    {
        await Task.Yield();
        var pairs = HardwareConfigOverrides.Parse(["arm.rtdePort=40004", "eoat.device=/tmp/x/eoat.tty", "camera.folder=frames"]);

        var config = HardwareConfig.Parse(HardwareConfigOverrides.Apply(Config, pairs));

        Assert.Equal(40004, config.Components[0].GetInt64("rtdePort", 0));
        Assert.Equal("/tmp/x/eoat.tty", config.Components[1].RequireString("device", "serial device path"));
        Assert.Equal("frames", config.Components[2].RequireString("folder", "folder"));
    }

    [Fact(Timeout = 10_000)]
    public async Task An_Override_Of_An_Unknown_Component_Names_It_And_The_Components()
    {
        await Task.Yield();

        var e = Assert.Throws<HardwareConfigException>(() => HardwareConfigOverrides.Apply(Config, HardwareConfigOverrides.Parse(["gripper.device=/dev/x"])));

        Assert.Contains("'gripper.device'", e.Message, StringComparison.Ordinal);
        Assert.Contains("arm, eoat, camera", e.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("armrtdePort=1")]
    [InlineData("arm.=1")]
    [InlineData("=1")]
    [InlineData("arm.rtdePort")]
    public async Task A_Malformed_Override_Is_Refused_With_Its_Text(string text)
    {
        await Task.Yield();

        var e = Assert.Throws<HardwareConfigException>(() => HardwareConfigOverrides.Parse([text]));

        Assert.Contains(text, e.Message, StringComparison.Ordinal);
    }
}
