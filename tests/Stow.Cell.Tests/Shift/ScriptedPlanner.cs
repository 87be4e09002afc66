using Stow.Cell.Shift;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Planning.Candidates;

namespace Stow.Cell.Tests.Shift;

/// <summary>
/// A scripted planner: the first buffered item flat into the emptiest bin that the estimate says it
/// fits (plain insertion), else a pod swap; after two swaps in a row the runner routes the item out.
/// </summary>
internal sealed class ScriptedPlanner : IShiftPlanner
{
    public int Recorded { get; private set; }

    public ShiftDecision Decide(IReadOnlyList<Item> buffer, PodSpaceEstimate estimate, PodType podType, bool freshPod)
    {
        var item = buffer[0];
        var d = item.Dimensions;
        var best = estimate.Bins
            .Where(b => b.LargestBox.Depth > d.Length + 0.01 && b.LargestBox.Width > d.Width + 0.01 && b.LargestBox.Height > d.Height + 0.01)
            .OrderByDescending(b => b.FreeVolume)
            .FirstOrDefault();
        return best is null
            ? new ShiftDecision.PodSwap(0.5)
            : new ShiftDecision.Stow(new StowAction(item, best.Bin, [Primitive.None], ItemOrientation.LWH, 0.97, false));
    }

    public void Record(StowAction action, BinSpaceEstimate estimate, StowOutcome outcome) => Recorded++;
}
