using MQTTnet;
using Stow.Cell.Mqtt;
using Stow.Cell.PackML;
using Stow.Cell.Shift;
using Stow.Cell.Tests.Support;

namespace Stow.Cell.Tests.Mqtt;

/// <summary>Authentication and the example ACL (config/mosquitto/acl.example) on a real broker.</summary>
public sealed class MqttSecurityTests
{
    private const string CellUser = "stowcell-cell-01";
    private static readonly MqttTopics Topics = new("cell-01");

    private static readonly Dictionary<string, string> Users = new()
    {
        [CellUser] = "cell-secret",
        ["supervisor"] = "supervisor-secret",
        ["alice"] = "operator-secret",
    };

    [Fact(Timeout = 30_000)]
    public async Task Wrong_Password_Is_Refused_By_The_Broker()
    {
        await using var broker = await MosquittoBroker.StartAsync(Users);
        var ex = await Assert.ThrowsAsync<MqttConnectException>(() =>
            MqttOperatorLinkTests.ConnectLinkAsync(broker.Port, CellUser, "not-the-password"));
        // MQTT 5 CONNACK reason code: mosquitto 2.0 answers 135 Not authorized (134 Bad user name or password is also legal).
        Assert.Contains(ex.ResultCode, new[] { MqttClientConnectResultCode.NotAuthorized, MqttClientConnectResultCode.BadUserNameOrPassword });
        Assert.Contains($"{ex.ResultCode} ({ex.Code})", ex.Message, StringComparison.Ordinal);
        var anonymous = await Assert.ThrowsAsync<MqttConnectException>(() => MqttOperatorLinkTests.ConnectLinkAsync(broker.Port));
        Assert.Contains(anonymous.ResultCode, new[] { MqttClientConnectResultCode.NotAuthorized, MqttClientConnectResultCode.BadUserNameOrPassword });
    }

    [Fact(Timeout = 30_000)]
    public async Task Operator_May_Acknowledge_But_Never_Command_Motion()
    {
        await using var broker = await MosquittoBroker.StartAsync(Users);
        using var link = await MqttOperatorLinkTests.ConnectLinkAsync(broker.Port, CellUser, Users[CellUser]);
        var (acks, rejected, commands) = MqttOperatorLinkTests.Watch(link);
        var cell = new PackMlCell(new Stow.Core.Time.VirtualClock());
        link.SupervisorCommand += (_, e) => cell.Execute(e.Command);
        using var supervisor = await MqttTestClient.ConnectAsync(broker.Port, "sup", [Topics.Root + "/cmd/#", Topics.Prompts],
            "supervisor", Users["supervisor"]);
        using var alice = await MqttTestClient.ConnectAsync(broker.Port, "alice", [Topics.Prompts], "alice", Users["alice"]);
        var prompt = link.Prompt(PromptKind.ClearJam, "Jam in C3: clear it");
        await alice.WaitAsync(Topics.Prompt(prompt.Id));
        await supervisor.WaitAsync(Topics.Prompt(prompt.Id));

        // MQTT 5: the broker answers a denied publish with the reason code Not authorized (135) in its PUBACK.
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, alice.TryPublish(Topics.PackMlCommand, "{\"schema\":1,\"command\":\"Reset\",\"source\":\"alice\"}"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, alice.TryPublish(Topics.MotionCommand, "{\"schema\":1,\"jog\":{\"x\":0.1}}"));
        alice.Publish(Topics.OperatorAck, MqttOperatorLinkTests.Ack(prompt.Id));

        // The ack arrives (allowed) and the cell clears the retained prompt; the supervisor, subscribed to cmd/#,
        // sees that clear after anything alice published before the ack, so nothing of hers reached cmd/#.
        await acks.WaitAsync(a => a.Prompt.Id == prompt.Id);
        await supervisor.Messages.WaitAsync(m => m.Topic == Topics.Prompt(prompt.Id) && m.Payload.Length == 0, 10, "cleared prompt");
        Assert.Empty(commands.Items);
        Assert.Empty(rejected.Items);
        Assert.DoesNotContain(supervisor.Messages.Items, m => m.Topic.Contains("/cmd/", StringComparison.Ordinal));
        Assert.Equal(PackMlState.Stopped, cell.State);

        // Positive control: the supervisor may command the cell.
        supervisor.Publish(Topics.PackMlCommand, "{\"schema\":1,\"command\":\"Reset\",\"source\":\"mes\"}");
        var cmd = await commands.WaitAsync(_ => true);
        Assert.Equal((PackMlCommand.Reset, "mes"), (cmd.Command, cmd.Source));
        Assert.Equal(PackMlState.Resetting, cell.State);
        Assert.Contains("denied", broker.Log, StringComparison.OrdinalIgnoreCase);
    }
}
