using Stow.Cell.Mqtt;
using Stow.Cell.PackML;
using Stow.Cell.Shift;
using Stow.Cell.Tests.Support;
using Stow.Core.Ids;
using Stow.Core.Time;

namespace Stow.Cell.Tests.Mqtt;

public sealed class MqttOperatorChannelTests
{
    private static readonly MqttTopics Topics = new("cell-01");

    [Fact(Timeout = 30_000)]
    public async Task Shift_Prompt_Returns_True_Once_An_Operator_Acknowledges()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var link = await MqttOperatorLinkTests.ConnectLinkAsync(broker.Port);
        var channel = new MqttOperatorChannel(link, new PackMlCell(new VirtualClock())) { CurrentPod = new PodId("POD-3") };
        using var op = await MqttTestClient.ConnectAsync(broker.Port, "alice", [Topics.Prompts]);
        var answering = Task.Run(async () =>
        {
            var m = await op.Messages.WaitAsync(x => x.Payload.Length > 0, 20, "prompt");
            op.Publish(Topics.OperatorAck, MqttOperatorLinkTests.Ack(MqttTestClient.Json(m).GetProperty("id").GetString()!));
            return MqttTestClient.Json(m);
        });

        Assert.True(await Task.Run(() => channel.Prompt(PromptKind.PodSwap, "Pod POD-3 is full: swap it.", TimeSpan.FromSeconds(20))));
        var prompt = await answering;
        Assert.Equal(("PodSwap", "POD-3"), (prompt.GetProperty("kind").GetString(), prompt.GetProperty("pod").GetString()));
        Assert.Empty(link.PendingPrompts);
    }

    [Fact(Timeout = 30_000)]
    public async Task Unanswered_Prompts_Return_False_And_Undefined_Kinds_Are_Refused()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var link = await MqttOperatorLinkTests.ConnectLinkAsync(broker.Port);
        var channel = new MqttOperatorChannel(link);
        Assert.False(channel.Prompt(PromptKind.TakeExceptionItem, "take it", TimeSpan.Zero));
        Assert.False(channel.Prompt(PromptKind.ClearJam, "jam", TimeSpan.FromMilliseconds(200)));
        Assert.Throws<ArgumentOutOfRangeException>(() => channel.Prompt((PromptKind)99, "?", TimeSpan.FromSeconds(1)));
        Assert.Equal([PromptKind.TakeExceptionItem, PromptKind.ClearJam], link.PendingPrompts.Select(p => p.Kind));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 30_000)]
    public async Task Shift_Status_Reaches_The_Retained_Status_Topics()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var link = await MqttOperatorLinkTests.ConnectLinkAsync(broker.Port);
        using var observer = await MqttTestClient.ConnectAsync(broker.Port, "observer", [Topics.Root + "/status/#"]);
        var channel = new MqttOperatorChannel(link) { CurrentPod = new PodId("POD-3") };

        channel.PublishStatus(PackMlState.Execute, 0.37, "sku-1 -> POD-3/B2 via SweepLeft");

        Assert.Equal("Execute", MqttTestClient.Json(await observer.WaitAsync(Topics.State)).GetProperty("state").GetString());
        var pod = MqttTestClient.Json(await observer.WaitAsync(Topics.Pod));
        Assert.Equal(("POD-3", 0.37), (pod.GetProperty("pod").GetString(), pod.GetProperty("fill").GetDouble()));
        var stow = MqttTestClient.Json(await observer.WaitAsync(Topics.Stow, j => j.GetProperty("active").GetBoolean()));
        Assert.Equal("sku-1 -> POD-3/B2 via SweepLeft", stow.GetProperty("summary").GetString());
    }
}
