namespace Stow.Planning.Decision;

using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Space;

/// <summary>
/// Chooses the next stow over the whole buffer: which item, which bin, which primitive chain; or a pod swap, or an
/// exception routing.
/// </summary>
/// <remarks>
/// Threading and lifecycle: an instance keeps state between calls (preallocated buffers, the exploration random
/// stream and counters), so it is not thread-safe; use one per cell, from the orchestration thread. Determinism: the
/// same construction (seed) and the same sequence of inputs give the same sequence of decisions.
/// </remarks>
public interface IStowPolicy
{
    /// <summary>Short name for reports (<c>planner-prior</c>, <c>largest-free-volume</c>, ...).</summary>
    string Name { get; }

    /// <summary>
    /// Decides on <paramref name="buffer"/> (up to 20 items; order = arrival) for the face described by
    /// <paramref name="estimate"/> (one estimate per bin) on a pod of <paramref name="podType"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    StowDecision Decide(IReadOnlyList<Item> buffer, PodSpaceEstimate estimate, PodType podType);
}
