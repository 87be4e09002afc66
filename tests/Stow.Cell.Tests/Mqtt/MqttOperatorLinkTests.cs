using System.Text.Json;
using Stow.Cell.Mqtt;
using Stow.Cell.PackML;
using Stow.Cell.Shift;
using Stow.Cell.Tests.Support;
using Stow.Core.Ids;
using Stow.Core.Space;
using Stow.Core.Time;

namespace Stow.Cell.Tests.Mqtt;

public sealed class MqttOperatorLinkTests
{
    private const string Cell = "cell-01";
    private static readonly MqttTopics Topics = new(Cell);

    [Fact(Timeout = 30_000)]
    public async Task Status_Is_Retained_And_Seen_By_A_Client_That_Connects_Later()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var link = await ConnectLinkAsync(broker.Port);
        using var early = await MqttTestClient.ConnectAsync(broker.Port, "early", [Root + "/status/#"]);
        link.PublishState(PackMlState.Execute, UnitMode.Production);
        link.PublishPodFill(new PodFillStatus(new PodId("POD-7"), 0.43, 40, 12, 0.981));
        link.PublishCurrentStow(new CurrentStowStatus(12, new ItemId("sku-1"), new PodId("POD-7"), BinId.Parse("C3"), [Primitive.SweepLeft], 0.97));

        await early.WaitAsync(Topics.Stow); // published last: everything is on the broker now
        using var observer = await MqttTestClient.ConnectAsync(broker.Port, "observer", [Root + "/status/#"]);

        var state = await observer.WaitAsync(Topics.State);
        Assert.True(state.Retained);
        var s = MqttTestClient.Json(state);
        Assert.Equal((1, "Execute", "Production"), (s.GetProperty("schema").GetInt32(), s.GetProperty("state").GetString(), s.GetProperty("mode").GetString()));
        var pod = MqttTestClient.Json(await observer.WaitAsync(Topics.Pod));
        Assert.Equal((12, 0.43), (pod.GetProperty("items").GetInt32(), pod.GetProperty("fill").GetDouble()));
        var stow = MqttTestClient.Json(await observer.WaitAsync(Topics.Stow));
        Assert.Equal(("C3", "SweepLeft"), (stow.GetProperty("bin").GetString(), stow.GetProperty("chain")[0].GetString()));
        var online = MqttTestClient.Json(await observer.WaitAsync(Topics.Online));
        Assert.True(online.GetProperty("online").GetBoolean());
    }

    [Fact(Timeout = 30_000)]
    public async Task Operator_Acknowledges_A_Prompt_By_Its_Id()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var link = await ConnectLinkAsync(broker.Port);
        var acks = Watch(link).Acks;
        using var op = await MqttTestClient.ConnectAsync(broker.Port, "alice", [Topics.Prompts]);

        var prompt = link.Prompt(PromptKind.PodSwap, "Pod POD-7 is full: swap it", pod: new PodId("POD-7"));
        var message = await op.WaitAsync(Topics.Prompt(prompt.Id));
        var seen = MqttTestClient.Json(message);
        Assert.Equal(("PodSwap", "POD-7"), (seen.GetProperty("kind").GetString(), seen.GetProperty("pod").GetString()));
        Assert.Equal("application/json", message.ContentType);
        Assert.InRange(message.MessageExpiryInterval, 1u, 600u); // MQTT 5 message expiry (default 10 min), counted down by the broker

        op.Publish(Topics.OperatorAck, Ack(seen.GetProperty("id").GetString()!));

        var ack = await acks.WaitAsync(_ => true);
        Assert.Equal((prompt.Id, "alice", "done"), (ack.Prompt.Id, ack.Operator, ack.Response));
        Assert.Empty(link.PendingPrompts);
        await op.Messages.WaitAsync(m => m.Topic == Topics.Prompt(prompt.Id) && m.Payload.Length == 0, 10, "cleared prompt");
    }

    [Fact(Timeout = 30_000)]
    public async Task Malformed_Unknown_And_Wrong_Schema_Payloads_Are_Rejected_And_Change_Nothing()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var log = new ListLogger();
        using var link = await ConnectLinkAsync(broker.Port, log: log);
        var (acks, rejected, commands) = Watch(link);
        var cell = new PackMlCell(new VirtualClock());
        link.SupervisorCommand += (_, e) => cell.Execute(e.Command);
        var prompt = link.Prompt(PromptKind.ClearJam, "Jam in C3");
        using var op = await MqttTestClient.ConnectAsync(broker.Port, "alice", []);

        string[] badAcks =
        [
            "not json", "", "[1,2]", "{\"schema\":1,\"promptId\":", "{\"promptId\":\"" + prompt.Id + "\"}",
            "{\"schema\":2,\"promptId\":\"" + prompt.Id + "\"}", "{\"schema\":\"1\",\"promptId\":\"" + prompt.Id + "\"}",
            "{\"schema\":1,\"promptId\":\"jam-99-deadbeef\"}", "{\"schema\":1,\"promptId\":42}",
            "{\"schema\":1,\"promptId\":\"" + prompt.Id + "\",\"force\":true}", "{\"schema\":1,\"promptId\":\"" + new string('x', 5000) + "\"}",
        ];
        string[] badCommands =
        [
            "{\"schema\":1,\"command\":\"Explode\"}", "{\"schema\":1,\"command\":\"3\"}", "{\"schema\":1,\"command\":\"reset\"}",
            "{\"schema\":2,\"command\":\"Reset\"}", "{\"schema\":1}", "Reset",
        ];
        foreach (var p in badAcks)
        {
            op.Publish(Topics.OperatorAck, p);
        }

        foreach (var p in badCommands)
        {
            op.Publish(Topics.PackMlCommand, p);
        }

        // A valid ack after the bad ones: once it is handled, every earlier message has been handled too.
        op.Publish(Topics.OperatorAck, Ack(prompt.Id));
        await acks.WaitAsync(_ => true);

        Assert.Equal(badAcks.Length + badCommands.Length, rejected.Items.Count);
        Assert.Empty(commands.Items);
        Assert.Equal(PackMlState.Stopped, cell.State);
        Assert.Single(acks.Items);
        Assert.Contains(rejected.Items, r => r.Reason.StartsWith("unsupported schema version 2", StringComparison.Ordinal));
        Assert.Contains(rejected.Items, r => r.Reason.StartsWith("unknown property 'force'", StringComparison.Ordinal));
        Assert.Contains(rejected.Items, r => r.Reason.StartsWith("unknown command 'Explode'", StringComparison.Ordinal));
        Assert.Contains(rejected.Items, r => r.Reason.StartsWith("no pending prompt", StringComparison.Ordinal));
        Assert.Equal(badAcks.Length + badCommands.Length,
            log.Entries.Count(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("rejected", StringComparison.Ordinal)));

        // The same ack again refers to a prompt that is no longer pending.
        op.Publish(Topics.OperatorAck, Ack(prompt.Id));
        await rejected.WaitAsync(r => r.Reason.StartsWith("no pending prompt '" + prompt.Id, StringComparison.Ordinal));
        Assert.Single(acks.Items);
    }

    [Fact(Timeout = 40_000)]
    public async Task Unanswered_Prompt_And_Status_Are_Sent_Again_After_The_Broker_Restarts()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var link = await ConnectLinkAsync(broker.Port);
        var acks = Watch(link).Acks;
        var connections = new EventWaiter<MqttConnectionChangedEventArgs>();
        link.ConnectionChanged += (_, e) => connections.Add(e);
        link.PublishState(PackMlState.Held, UnitMode.Production);
        var answered = link.Prompt(PromptKind.PodSwap, "swap");
        var open = link.Prompt(PromptKind.TakeExceptionItem, "take item sku-9 from the exception chute", item: new ItemId("sku-9"));
        using (var op = await MqttTestClient.ConnectAsync(broker.Port, "alice", [Topics.Prompts]))
        {
            await op.WaitAsync(Topics.Prompt(open.Id));
            op.Publish(Topics.OperatorAck, Ack(answered.Id));
        }

        await acks.WaitAsync(a => a.Prompt.Id == answered.Id);
        Assert.Equal([open.Id], link.PendingPrompts.Select(p => p.Id));

        await broker.RestartAsync(); // no persistence: every retained message is gone
        await connections.WaitAsync(e => !e.Connected, 15, "disconnect");
        await connections.WaitAsync(e => e.Connected, 15, "reconnect");

        using var late = await MqttTestClient.ConnectAsync(broker.Port, "bob", [Topics.Prompts, Root + "/status/#"]);
        var again = MqttTestClient.Json(await late.WaitAsync(Topics.Prompt(open.Id)));
        Assert.Equal(("TakeExceptionItem", "sku-9"), (again.GetProperty("kind").GetString(), again.GetProperty("item").GetString()));
        Assert.Equal("Held", MqttTestClient.Json(await late.WaitAsync(Topics.State)).GetProperty("state").GetString());
        await late.WaitAsync(Topics.Online, j => j.GetProperty("online").GetBoolean());
        Assert.DoesNotContain(late.Messages.Items, m => m.Topic == Topics.Prompt(answered.Id) && m.Payload.Length > 0);

        // The subscriptions were restored: an acknowledgement sent after the restart reaches the cell.
        late.Publish(Topics.OperatorAck, Ack(open.Id, "bob"));
        Assert.Equal("bob", (await acks.WaitAsync(a => a.Prompt.Id == open.Id)).Operator);
        Assert.Empty(link.PendingPrompts);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_Pending_Prompt_Is_Sent_Again_Before_Its_Message_Expiry_Runs_Out()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var op = await MqttTestClient.ConnectAsync(broker.Port, "alice", [Topics.Prompts]);
        await using var link = new MqttOperatorLink(
            new MqttOperatorOptions { CellId = Cell, Port = broker.Port, PromptExpiry = TimeSpan.FromSeconds(2) }, new SystemClock());
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await link.ConnectAsync(cts.Token);
        }

        var prompt = link.Prompt(PromptKind.PodSwap, "swap");
        var first = await op.WaitAsync(Topics.Prompt(prompt.Id));
        Assert.InRange(first.MessageExpiryInterval, 1u, 2u);
        var again = await op.Messages.WaitAsync(m => m.Topic == Topics.Prompt(prompt.Id) && m.Payload.Length > 0 && !ReferenceEquals(m, first), 10, "refreshed prompt");
        Assert.Equal(first.Payload, again.Payload);

        // Once acknowledged it is cleared and no longer refreshed.
        op.Publish(Topics.OperatorAck, Ack(prompt.Id));
        await op.Messages.WaitAsync(m => m.Topic == Topics.Prompt(prompt.Id) && m.Payload.Length == 0, 10, "cleared prompt");
        Assert.Empty(link.PendingPrompts);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Prompt_Expiry_Below_Two_Seconds_Is_Refused()
    {
        await Task.Yield();
        var ex = Assert.Throws<ArgumentException>(() => new MqttOperatorLink(
            new MqttOperatorOptions { CellId = Cell, PromptExpiry = TimeSpan.FromSeconds(1) }, new SystemClock()));
        Assert.Contains("PromptExpiry", ex.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Clean_Shutdown_Marks_The_Cell_Offline()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var observer = await MqttTestClient.ConnectAsync(broker.Port, "observer", [Topics.Online]);
        var link = await ConnectLinkAsync(broker.Port);
        await observer.WaitAsync(Topics.Online, j => j.GetProperty("online").GetBoolean());
        link.Dispose();
        var off = MqttTestClient.Json(await observer.WaitAsync(Topics.Online, j => !j.GetProperty("online").GetBoolean()));
        Assert.Equal("shutdown", off.GetProperty("reason").GetString());
    }

    [Fact(Timeout = 10_000)]
    public async Task Cell_Id_With_Topic_Wildcards_Is_Refused()
    {
        await Task.Yield();
        Assert.Throws<ArgumentException>(() => new MqttTopics("cell/#"));
        Assert.Throws<ArgumentException>(() => new MqttTopics(""));
        Assert.Equal("stowcell/cell-01/prompts/jam-1", Topics.Prompt("jam-1"));
    }

    internal static string Root => Topics.Root;

    internal static string Ack(string id, string op = "alice") =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["schema"] = 1, ["promptId"] = id, ["operator"] = op, ["response"] = "done" });

    internal static async Task<MqttOperatorLink> ConnectLinkAsync(int port, string? user = null, string? password = null, ListLogger? log = null)
    {
        var link = new MqttOperatorLink(
            new MqttOperatorOptions { CellId = Cell, Port = port, Username = user, Password = password, KeepAliveSeconds = 5 },
            new SystemClock(), log);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await link.ConnectAsync(cts.Token);
        }
        catch
        {
            link.Dispose();
            throw;
        }

        return link;
    }

    internal static (EventWaiter<PromptAcknowledgedEventArgs> Acks, EventWaiter<PayloadRejectedEventArgs> Rejected,
        EventWaiter<SupervisorCommandEventArgs> Commands) Watch(MqttOperatorLink link)
    {
        var acks = new EventWaiter<PromptAcknowledgedEventArgs>();
        var rejected = new EventWaiter<PayloadRejectedEventArgs>();
        var commands = new EventWaiter<SupervisorCommandEventArgs>();
        link.PromptAcknowledged += (_, e) => acks.Add(e);
        link.PayloadRejected += (_, e) => rejected.Add(e);
        link.SupervisorCommand += (_, e) => commands.Add(e);
        return (acks, rejected, commands);
    }
}
