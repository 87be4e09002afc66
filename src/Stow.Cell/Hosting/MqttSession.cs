using Microsoft.Extensions.Logging;
using Stow.Cell.Backends;
using Stow.Cell.Mqtt;
using Stow.Cell.PackML;
using Stow.Core.Time;

namespace Stow.Cell.Hosting;

/// <summary>
/// The MQTT side of a run: a broker started for it (when configured), the cell's operator link wired
/// to the PackML cell (state published on every transition; supervisor commands applied). Operators (people, or the
/// backend's stand-in) connect to <see cref="Endpoint"/>. Disposal tears down in reverse order.
/// </summary>
public sealed class MqttSession : IAsyncDisposable
{
    private readonly MosquittoBrokerProcess? _broker;

    private MqttSession(MosquittoBrokerProcess? broker, MqttOperatorLink link, OperatorEndpoint endpoint)
    {
        _broker = broker;
        Link = link;
        Endpoint = endpoint;
    }

    /// <summary>The cell's operator link.</summary>
    public MqttOperatorLink Link { get; }

    /// <summary>Where operators connect (the broker the link uses).</summary>
    public OperatorEndpoint Endpoint { get; }

    /// <summary>Starts everything.</summary>
    /// <exception cref="ShiftSetupException">The broker cannot start or the link cannot connect (message says why).</exception>
    public static async Task<MqttSession> StartAsync(CellOptions o, string runDir, IClock clock, PackMlCell cell, ILoggerFactory logs, CancellationToken ct)
    {
        MosquittoBrokerProcess? broker = null;
        string host = o.Mqtt.Host;
        int port = o.Mqtt.Port;
        MqttOperatorLink? link = null;
        try
        {
            if (o.Mqtt.Broker == MqttBrokerMode.Start)
            {
                broker = await MosquittoBrokerProcess.StartAsync(Path.Combine(runDir, "broker"));
                (host, port) = ("127.0.0.1", broker.Port);
            }

            link = new MqttOperatorLink(new MqttOperatorOptions
            {
                CellId = o.CellId,
                Host = host,
                Port = port,
                Username = o.Mqtt.Username,
                Password = o.Mqtt.Password,
                UseTls = o.Mqtt.UseTls,
                CaFile = o.Mqtt.CaFile,
            }, clock, logs.CreateLogger("Stow.Cell.Mqtt"));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await link.ConnectAsync(timeout.Token);
            cell.Transitioned += (_, e) => link.PublishState(e.To, e.Mode);
            var states = new PackMlShiftStates(cell); // the command, then SC for the acting state (Hold lands in Held)
            link.SupervisorCommand += (_, e) => states.Command(e.Command);
            return new MqttSession(broker, link, new OperatorEndpoint(o.CellId, host, port, o.Mqtt.Username, o.Mqtt.Password));
        }
        catch (Exception e) when (e is InvalidOperationException or MqttConnectException or OperationCanceledException or ArgumentException)
        {
            if (link is not null)
            {
                await link.DisposeAsync();
            }

            if (broker is not null)
            {
                await broker.DisposeAsync();
            }

            throw new ShiftSetupException($"MQTT could not start ({host}:{port}{(o.Mqtt.UseTls ? ", TLS" : "")}): {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Link.DisposeAsync();
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}
