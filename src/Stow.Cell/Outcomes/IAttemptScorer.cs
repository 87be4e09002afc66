using Stow.Cell.Shift;
using Stow.Core.Space;

namespace Stow.Cell.Outcomes;

/// <summary>
/// Compares the cell's reading of each attempt with a truth the cell cannot see (the simulator's world), for the report.
/// The cell hands it its reading and never reads the truth back into its decisions. Only a simulated backend has one.
/// Threading: the shift thread only.
/// </summary>
public interface IAttemptScorer
{
    /// <summary>Scores one attempt, after the cell classified it and re-perceived the bin.</summary>
    /// <param name="action">The stow.</param>
    /// <param name="reading">The cell's classification.</param>
    /// <param name="reperceived">The bin as the cell re-perceived it after the attempt.</param>
    /// <returns>The truth beside the reading.</returns>
    AttemptScore Score(StowAction action, WorldOutcome reading, BinSpaceEstimate reperceived);

    /// <summary>
    /// The true volumetric density of the pod at the station now (item volume / bin volume, the simulator's world), for
    /// the report's density at swap; null where the scorer does not know it. Never read into the shift's decisions.
    /// </summary>
    double? PodDensity => null;
}
