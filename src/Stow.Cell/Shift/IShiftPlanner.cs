using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Pods;
using Stow.Core.Space;

namespace Stow.Cell.Shift;

/// <summary>Decides the next stow. Called from the shift thread only; deterministic for its seed.</summary>
public interface IShiftPlanner
{
    /// <summary>Picks the next action over the whole buffer.</summary>
    /// <param name="buffer">Buffered items.</param>
    /// <param name="estimate">Space of the pod at the station.</param>
    /// <param name="podType">Its face geometry.</param>
    /// <param name="freshPod">
    /// True while no stow has been tried on this pod since it arrived: a swap cannot help then, so the
    /// planner should stow its best candidate above the floor rather than ask for another pod.
    /// </param>
    ShiftDecision Decide(IReadOnlyList<Item> buffer, PodSpaceEstimate estimate, PodType podType, bool freshPod);

    /// <summary>Feeds back a realized outcome (for the learned model's records).</summary>
    void Record(StowAction action, BinSpaceEstimate estimate, StowOutcome outcome);
}
