using System.Text;
using Stow.Cell.Hosting;

namespace Stow.Cell.Tests.Hosting;

public class ConfigFileMapTests
{
    private const string Text = "{\n  // a comment, as the configuration provider allows\n  \"Cell\": { \"Items\": 5, },\n  \"hardware\": { \"components\": [\n    { \"name\": \"arm\", \"type\": \"sim.arm\" },\n    { \"name\": \"eoat\", \"type\": \"modbus.eoat\", \"params\": { \"device\": \"eoat.tty\" } }\n  ] }\n}\n";

    [Fact(Timeout = 10_000)]
    public async Task Fields_Are_Located_By_Key_Path_Case_Insensitively()
    {
        await Task.Yield();
        var map = ConfigFileMap.Parse(Encoding.UTF8.GetBytes(Text), "c.json");

        Assert.True(map.TryLocate("cell:items", out var items));
        Assert.Equal("c.json:3:13", items);
        Assert.True(map.TryLocate("hardware:components:1", out var entry));
        Assert.Equal("c.json:6:5", entry);
        Assert.True(map.TryLocate("hardware:components:1:params:device", out var device));
        Assert.Equal("c.json:6:58", device);
        Assert.Equal("hardware:components:1", map.FindComponent("eoat"));
        Assert.Null(map.FindComponent("camera"));
        Assert.False(map.TryLocate("Cell:Seed", out _));
    }

    [Theory(Timeout = 10_000)]
    [InlineData("{\n  \"Cell\": { \"Items\": 5 \n", "c.json:3:1", "Cell:Items")]
    [InlineData("{ \"Cell\": { \"Items\": 5 } } }", "c.json:1:28", "Cell:Items")]
    [InlineData("{\n\"Cell\": {\n  \"Items\" 5 } }", "c.json:3:11", "Cell:Items")]
    [InlineData("[1, 2]", "c.json:1:1", "")]
    [InlineData("", "c.json:1:1", "")]
    public async Task Broken_Json_Is_Refused_With_Its_Position_And_Field(string text, string location, string field)
    {
        await Task.Yield();
        var e = Assert.Throws<ShiftSetupException>(() => ConfigFileMap.Parse(Encoding.UTF8.GetBytes(text), "c.json"));

        Assert.Equal(location, e.Location);
        Assert.Equal(field, e.Field);
    }
}
