namespace Stow.Core.Time;

/// <summary>
/// The time source every component reads instead of <see cref="DateTime.Now"/>: wall clock in live
/// runs, a virtual clock in the simulator and tests. Implementations are thread-safe for reads.
/// </summary>
public interface IClock
{
    /// <summary>Monotonic time since the clock's epoch [s].</summary>
    double Now { get; }

    /// <summary>UTC wall time corresponding to <see cref="Now"/> (for journal and reports).</summary>
    DateTimeOffset UtcNow { get; }
}
