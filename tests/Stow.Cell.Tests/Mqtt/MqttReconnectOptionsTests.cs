using Stow.Cell.Mqtt;

namespace Stow.Cell.Tests.Mqtt;

public sealed class MqttReconnectOptionsTests
{
    [Fact(Timeout = 10_000)]
    public async Task Back_Off_Doubles_From_The_Minimum_And_Stops_At_The_Maximum()
    {
        await Task.Yield();
        var o = new MqttReconnectOptions { MinDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(2) };
        Assert.Equal([250, 500, 1000, 2000, 2000], Enumerable.Range(0, 5).Select(i => o.DelayFor(i).TotalMilliseconds));
        Assert.Equal(TimeSpan.FromSeconds(2), o.DelayFor(1000));
    }

    [Fact(Timeout = 10_000)]
    public async Task Invalid_Intervals_Are_Refused_With_Their_Values()
    {
        await Task.Yield();
        var ex = Assert.Throws<ArgumentException>(() => new MqttReconnectOptions { MinDelay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(1) }.Validate());
        Assert.Contains("00:00:05", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new MqttReconnectOptions { PingInterval = TimeSpan.Zero }.Validate());
    }
}
