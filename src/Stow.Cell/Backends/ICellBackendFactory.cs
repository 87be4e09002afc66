namespace Stow.Cell.Backends;

/// <summary>
/// Entry point of a backend plugin: the one public, parameterless type of the plugin assembly that implements this
/// interface (found by <see cref="CellBackendLoader"/>). Stateless; <see cref="Create"/> may be called once per shift.
/// </summary>
public interface ICellBackendFactory
{
    /// <summary>Builds the backend of one shift.</summary>
    /// <param name="context">The shift's configuration, pod type, clock and logs.</param>
    /// <returns>The backend, its devices up.</returns>
    /// <exception cref="Hosting.ShiftSetupException">Something the backend needs is missing or invalid (the message says what).</exception>
    ICellBackend Create(CellBackendContext context);
}
