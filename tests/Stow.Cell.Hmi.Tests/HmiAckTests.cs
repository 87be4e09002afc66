using System.Text;
using MQTTnet;
using Stow.Cell.Journal;
using Stow.Cell.Mqtt;
using Stow.Cell.Shift;
using Stow.Core.Time;

namespace Stow.Cell.Hmi.Tests;

/// <summary>An acknowledgement over MQTT and one from the HMI are the same event to the cell: the first wins, once.</summary>
public sealed class HmiAckTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_Prompt_Acknowledged_Over_Mqtt_Is_Not_Pending_For_The_Hmi_And_Is_Journaled_Once()
    {
        await using var host = await HmiHost.StartAsync();
        using var journal = InventoryJournal.Open(Path.Combine(host.Dir, "journal.db"), new VirtualClock());
        host.Link.PromptAcknowledged += (_, e) => journal.RecordAcknowledgement(new OperatorAckRecord(
            e.Prompt.Id, e.Prompt.Kind.ToString(), e.Operator, e.Channel, e.Response, e.Prompt.IssuedAt, e.At));
        var acked = new TaskCompletionSource<PromptAcknowledgedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Link.PromptAcknowledged += (_, e) => acked.TrySetResult(e);
        var prompt = host.Link.Prompt(PromptKind.PodSwap, "Pod P-1 is full: swap it.");

        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", host.Broker.Port).WithClientId("hmi-test-op").Build());
        var payload = $$"""{"schema":1,"promptId":"{{prompt.Id}}","operator":"mia","response":"done"}""";
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(host.Link.Topics.OperatorAck).WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var e = await acked.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(("mia", "mqtt"), (e.Operator, e.Channel));

        Assert.Equal(HmiAckResult.NotPending, host.State.Acknowledge(prompt.Id, "olga")); // the HMI's late ack changes nothing
        Assert.DoesNotContain(host.State.Snapshot().Prompts, p => p.Id == prompt.Id);
        var rows = journal.Acknowledgements();
        var row = Assert.Single(rows);
        Assert.Equal((prompt.Id, "mia", "mqtt", "PodSwap"), (row.PromptId, row.Operator, row.Channel, row.Kind));
        Assert.False(journal.RecordAcknowledgement(row with { Operator = "olga", Channel = "hmi" })); // the journal keeps one per prompt
        Assert.Single(journal.Acknowledgements());
    }
}
