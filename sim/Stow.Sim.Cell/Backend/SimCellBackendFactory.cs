using Stow.Cell.Backends;

namespace Stow.Sim.Cell.Backend;

/// <summary>
/// The simulator's backend plugin (<c>Cell:Backend = "Stow.Sim.Cell"</c>): builds a <see cref="SimCellBackend"/>.
/// Stateless; thread-safe.
/// </summary>
public sealed class SimCellBackendFactory : ICellBackendFactory
{
    /// <inheritdoc />
    public ICellBackend Create(CellBackendContext context) => SimCellBackend.Create(context);
}
