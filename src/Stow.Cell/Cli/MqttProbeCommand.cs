using System.CommandLine;
using Stow.Cell.Mqtt;
using Stow.Cell.PackML;
using Stow.Core.Time;

namespace Stow.Cell.Cli;

/// <summary>
/// Hidden <c>stowcell mqtt-probe --port P [--host H] [--cell ID] [--user U]</c> (password from the environment
/// variable <c>STOWCELL_MQTT_PASSWORD</c>): connects the operator link, publishes the state, prints
/// <c>connected</c> and waits until stdin closes. The last-will test kills it with SIGKILL.
/// Exit codes: 0 after stdin closed, 1 connection refused or timed out.
/// </summary>
public static class MqttProbeCommand
{
    /// <summary>Creates the (hidden) command.</summary>
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "Broker host", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Broker port", Required = true };
        var cell = new Option<string>("--cell") { Description = "Cell id", DefaultValueFactory = _ => "cell-01" };
        var user = new Option<string?>("--user") { Description = "Broker user name" };
        var cmd = new Command("mqtt-probe", "Connect the MQTT operator link and wait (test helper)") { Hidden = true };
        cmd.Options.Add(host);
        cmd.Options.Add(port);
        cmd.Options.Add(cell);
        cmd.Options.Add(user);
        cmd.SetAction(async (pr, ct) =>
        {
            var options = new MqttOperatorOptions
            {
                CellId = pr.GetValue(cell)!,
                Host = pr.GetValue(host)!,
                Port = pr.GetValue(port),
                Username = pr.GetValue(user),
                Password = Environment.GetEnvironmentVariable("STOWCELL_MQTT_PASSWORD"),
                KeepAliveSeconds = 5,
            };
            await using var link = new MqttOperatorLink(options, new SystemClock());
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(20));
                await link.ConnectAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is MqttConnectException or OperationCanceledException)
            {
                await Console.Error.WriteLineAsync("mqtt-probe: " + ex.Message);
                return 1;
            }

            link.PublishState(PackMlState.Idle, UnitMode.Production);
            Console.WriteLine("connected");
            await Console.In.ReadToEndAsync(ct);
            return 0;
        });
        return cmd;
    }
}
