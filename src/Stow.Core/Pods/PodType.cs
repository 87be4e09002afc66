namespace Stow.Core.Pods;

using Stow.Core.Ids;

/// <summary>
/// A pod face design: its bins, row by row. Loaded from <c>config/pods/*.json</c> by
/// <see cref="PodTypeLoader"/>. Immutable.
/// </summary>
/// <param name="Name">Type name, e.g. <c>fabric-40</c>.</param>
/// <param name="FaceWidth">Width of the face [m].</param>
/// <param name="FaceHeight">Height from the pod base to the top of the highest row [m].</param>
/// <param name="Bins">All bins, ordered by row then column.</param>
public sealed record PodType(string Name, double FaceWidth, double FaceHeight, IReadOnlyList<BinSpec> Bins)
{
    /// <summary>Upper bound on bins per face (ARCHITECTURE.md: up to 40).</summary>
    public const int MaxBins = 40;

    /// <summary>Number of rows.</summary>
    public int Rows => Bins.Count == 0 ? 0 : Bins.Max(b => b.Id.Row) + 1;

    /// <summary>Looks a bin up by id.</summary>
    /// <exception cref="KeyNotFoundException">No such bin on this face.</exception>
    public BinSpec this[BinId id] =>
        Bins.FirstOrDefault(b => b.Id == id) ?? throw new KeyNotFoundException($"pod type {Name} has no bin {id}");
}
