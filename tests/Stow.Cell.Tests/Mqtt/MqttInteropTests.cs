using System.Diagnostics;
using System.Globalization;
using Stow.Cell.Mqtt;
using Stow.Cell.PackML;
using Stow.Cell.Shift;
using Stow.Cell.Tests.Support;
using Stow.Core.Ids;
using Stow.Core.Space;
using Stow.Core.Time;

namespace Stow.Cell.Tests.Mqtt;

/// <summary>The cell's retained messages as an independent client (mosquitto_sub, on libmosquitto) sees them.</summary>
public sealed class MqttInteropTests
{
    private static readonly MqttTopics Topics = new("cell-01");

    [Fact(Timeout = 40_000)]
    public async Task Mosquitto_Sub_Sees_Exactly_The_Retained_Status_And_Prompt_Payloads_The_Cell_Publishes()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var observer = await MqttTestClient.ConnectAsync(broker.Port, "observer", [Topics.Root + "/status/#", Topics.Prompts]);
        var clock = new VirtualClock(); // fixed epoch 2026-01-01T00:00:00Z: the payloads are known to the byte
        await using var link = new MqttOperatorLink(new MqttOperatorOptions { CellId = "cell-01", Port = broker.Port }, clock);
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await link.ConnectAsync(cts.Token);
        }

        link.PublishState(PackMlState.Execute, UnitMode.Production);
        link.PublishPodFill(new PodFillStatus(new PodId("POD-7"), 0.43, 40, 12, 0.981));
        link.PublishCurrentStow(new CurrentStowStatus(12, new ItemId("sku-1"), new PodId("POD-7"), BinId.Parse("C3"), [Primitive.SweepLeft], 0.97));
        var prompt = link.Prompt(PromptKind.ClearJam, "Jam in C3: clear it", bin: BinId.Parse("C3"));
        await observer.WaitAsync(Topics.Prompt(prompt.Id)); // everything before it has reached the broker too
        await observer.WaitAsync(Topics.Online);

        const string At = "\"at\":\"2026-01-01T00:00:00+00:00\"";
        var expected = new Dictionary<string, string>
        {
            [Topics.Online] = "{\"schema\":1,\"online\":true,\"reason\":\"connected\"," + At + "}",
            [Topics.State] = "{\"schema\":1,\"state\":\"Execute\",\"mode\":\"Production\"," + At + "}",
            [Topics.Pod] = "{\"schema\":1,\"pod\":\"POD-7\",\"bins\":40,\"items\":12,\"fill\":0.43,\"bestPredictedSuccess\":0.981," + At + "}",
            [Topics.Stow] = "{\"schema\":1,\"active\":true,\"attempt\":12,\"item\":\"sku-1\",\"pod\":\"POD-7\",\"bin\":\"C3\",\"chain\":[\"SweepLeft\"],\"predictedSuccess\":0.97," + At + "}",
            [Topics.Prompt(prompt.Id)] = "{\"schema\":1,\"id\":\"" + prompt.Id + "\",\"kind\":\"ClearJam\",\"message\":\"Jam in C3: clear it\",\"pod\":null,\"bin\":\"C3\",\"item\":null,\"issuedAt\":\"2026-01-01T00:00:00+00:00\"}",
        };

        // -F: retained flag | content type | message expiry interval | topic | payload, one message a line.
        var lines = await MosquittoSubAsync(broker.Port, expected.Count, Topics.Root + "/status/#", Topics.Prompts);
        var seen = lines.Select(l => l.Split('|', 5)).ToDictionary(f => f[3], f => (Retained: f[0], ContentType: f[1], Expiry: f[2], Payload: f[4]));

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), seen.Keys.Order(StringComparer.Ordinal));
        foreach (var (topic, payload) in expected)
        {
            Assert.Equal(payload, seen[topic].Payload);
            Assert.Equal(("1", "application/json"), (seen[topic].Retained, seen[topic].ContentType));
        }

        var expiry = int.Parse(seen[Topics.Prompt(prompt.Id)].Expiry, CultureInfo.InvariantCulture);
        Assert.InRange(expiry, 590, 600); // MQTT 5 message expiry of the prompt (10 min), counted down by the broker
    }

    private static async Task<string[]> MosquittoSubAsync(int port, int count, params string[] filters)
    {
        var psi = new ProcessStartInfo("mosquitto_sub") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-V", "mqttv5", "-q", "1", "-i", "interop-sub",
                     "--retained-only", "-C", count.ToString(CultureInfo.InvariantCulture), "-W", "15", "-F", "%r|%C|%E|%t|%p" })
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var f in filters)
        {
            psi.ArgumentList.Add("-t");
            psi.ArgumentList.Add(f);
        }

        using var p = Process.Start(psi)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var output = p.StandardOutput.ReadToEndAsync(cts.Token);
        var error = p.StandardError.ReadToEndAsync(cts.Token);
        await p.WaitForExitAsync(cts.Token);
        var text = await output;
        Assert.True(p.ExitCode == 0, $"mosquitto_sub exit {p.ExitCode}: {await error} {text}");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
