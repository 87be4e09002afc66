using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Stow.Cell.Mqtt;
using Stow.Sim.Cell.Operator;

namespace Stow.Tools.Cli;

/// <summary>
/// The operator side of a live-configured cell as <c>sim serve</c> simulates it: a mosquitto broker on the loopback
/// port the configuration's <c>Cell:Mqtt</c> section names (mode <c>external</c>: the cell connects to it as to the
/// site's broker) and the simulated operator acknowledging every prompt of cell <c>Cell:CellId</c>. Immutable settings;
/// <see cref="StartAsync"/> once.
/// </summary>
/// <param name="CellId">The cell's id (its topics).</param>
/// <param name="Port">Broker port on 127.0.0.1.</param>
internal sealed record OperatorSite(string CellId, int Port)
{
    /// <summary>The site of a configuration whose <c>Cell:Mqtt:Broker</c> is <c>external</c>, else null.</summary>
    /// <param name="json">The configuration.</param>
    /// <param name="port">A port overriding <c>Cell:Mqtt:Port</c>, or null.</param>
    /// <exception cref="FormatException">The port is missing or out of range.</exception>
    public static OperatorSite? FromConfig(string json, int? port)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!doc.RootElement.TryGetProperty("Cell", out var cell) || !cell.TryGetProperty("Mqtt", out var mqtt)
            || !mqtt.TryGetProperty("Broker", out var broker) || !string.Equals(broker.GetString(), "external", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var p = port ?? (mqtt.TryGetProperty(nameof(Port), out var pe) && pe.TryGetInt32(out var v) ? v : 0);
        if (p is < 1 or > 65535)
        {
            throw new FormatException($"Cell:Mqtt:Port {p} must be a TCP port (1-65535) for the operator broker");
        }

        var id = cell.TryGetProperty(nameof(CellId), out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "sim-01";
        return new OperatorSite(id, p);
    }

    /// <summary>Starts the broker and connects the simulated operator (15 s at most).</summary>
    /// <param name="workDirectory">Folder of the broker's files.</param>
    /// <param name="cancel">Cancels the start.</param>
    /// <returns>Both, stopped together on dispose (operator first).</returns>
    /// <exception cref="InvalidOperationException">mosquitto is missing or did not come up on the port.</exception>
    public async Task<IAsyncDisposable> StartAsync(string workDirectory, CancellationToken cancel)
    {
        var broker = await MosquittoBrokerProcess.StartAsync(workDirectory, port: Port).ConfigureAwait(false);
        var op = new SimulatedOperator(CellId, "127.0.0.1", Port, null, null, NullLogger.Instance);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await op.ConnectAsync(timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            await op.DisposeAsync().ConfigureAwait(false);
            await broker.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new Running(op, broker);
    }

    private sealed class Running(SimulatedOperator op, MosquittoBrokerProcess broker) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await op.DisposeAsync().ConfigureAwait(false);
            await broker.DisposeAsync().ConfigureAwait(false);
        }
    }
}
