using System.Diagnostics;
using System.Globalization;
using Stow.Cell.Mqtt;
using Stow.Cell.Tests.Support;

namespace Stow.Cell.Tests.Mqtt;

public sealed class MqttLastWillTests
{
    private static readonly MqttTopics Topics = new("cell-01");

    [Fact(Timeout = 60_000)]
    public async Task Broker_Publishes_The_Last_Will_When_The_Cell_Process_Is_Killed()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var observer = await MqttTestClient.ConnectAsync(broker.Port, "observer", [Topics.Online, Topics.State]);
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        foreach (var a in new[] { TestPaths.StowCellDll, "mqtt-probe", "--port", broker.Port.ToString(CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(a);
        }

        using var probe = Process.Start(psi)!;
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            Assert.Equal("connected", await probe.StandardOutput.ReadLineAsync(cts.Token));
            await observer.WaitAsync(Topics.Online, j => j.GetProperty("online").GetBoolean());
            await observer.WaitAsync(Topics.State);

            probe.Kill(); // SIGKILL: no DISCONNECT packet, so the broker sends the will
            await probe.WaitForExitAsync(cts.Token);

            var will = await observer.WaitAsync(Topics.Online, j => !j.GetProperty("online").GetBoolean(), 20);
            Assert.Equal("last will", MqttTestClient.Json(will).GetProperty("reason").GetString());
        }
        finally
        {
            if (!probe.HasExited)
            {
                probe.Kill();
            }
        }
    }
}
