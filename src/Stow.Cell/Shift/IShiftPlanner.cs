using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Space;

namespace Stow.Cell.Shift;

/// <summary>Decides the next stow. Called from the shift thread only; deterministic for its seed.</summary>
public interface IShiftPlanner
{
    /// <summary>Picks the next action over the whole buffer.</summary>
    ShiftDecision Decide(IReadOnlyList<Item> buffer, PodSpaceEstimate estimate, PodType podType);

    /// <summary>Feeds back a realized outcome (for the learned model's records).</summary>
    void Record(StowAction action, BinSpaceEstimate estimate, OutcomeKind outcome);
}
