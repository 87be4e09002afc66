using Stow.Cell.Shift;

namespace Stow.Cell.Backends;

/// <summary>
/// The devices of one shift as a backend provides them: the pod side, perception and motion, plus an optional operator
/// stand-in. Built by an <see cref="ICellBackendFactory"/> loaded by name from configuration (the simulator's is
/// <c>Stow.Sim.Cell</c>). Lifecycle: created ready for the shift; <see cref="IDisposable.Dispose"/> shuts its devices down.
/// Threading: used from the shift thread only, like the ports it returns.
/// </summary>
public interface ICellBackend : IDisposable
{
    /// <summary>The pod at the station and the effect of a stow on it.</summary>
    IShiftWorld World { get; }

    /// <summary>Perception of the pod at the station.</summary>
    IShiftPerception Perception { get; }

    /// <summary>Stow motion on the hardware.</summary>
    IShiftMotion Motion { get; }

    /// <summary>The simulator's scorer of the cell's outcome readings against the world's truth; null on a live cell.</summary>
    Outcomes.IAttemptScorer? Scorer { get; }

    /// <summary>
    /// The arriving items as the induct's scanner, dimensioner and scale report them: same ids, measured dimensions [m]
    /// and mass [kg]. The cell plans with these, never with the catalogue's numbers.
    /// </summary>
    /// <param name="arriving">The items arriving at the induct, in order.</param>
    /// <returns>The scanned items, in the same order.</returns>
    IReadOnlyList<Stow.Core.Items.Item> Scan(IReadOnlyList<Stow.Core.Items.Item> arriving);

    /// <summary>Raised when a new pod arrives at the station (shift thread).</summary>
    event EventHandler<Stow.Core.Ids.PodId>? PodArrived;

    /// <summary>
    /// Starts a stand-in for the people at the workcell (the simulator's operator acknowledges every prompt over MQTT), or
    /// returns null when this backend has none (a live cell has real operators).
    /// </summary>
    /// <param name="endpoint">The broker the cell's operator link uses.</param>
    /// <param name="cancel">Cancels the connection attempt.</param>
    /// <returns>The running stand-in (dispose to stop it), or null.</returns>
    Task<IAsyncDisposable?> StartOperatorAsync(OperatorEndpoint endpoint, CancellationToken cancel);
}
