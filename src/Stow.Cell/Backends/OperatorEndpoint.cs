namespace Stow.Cell.Backends;

/// <summary>Where the cell's operators connect: the MQTT broker and the cell's topic prefix. Immutable.</summary>
/// <param name="CellId">Cell id (topics under <c>stowcell/&lt;cell-id&gt;/</c>).</param>
/// <param name="Host">Broker host.</param>
/// <param name="Port">Broker TCP port.</param>
/// <param name="Username">Broker user name, or null.</param>
/// <param name="Password">Broker password, or null.</param>
public sealed record OperatorEndpoint(string CellId, string Host, int Port, string? Username, string? Password);
