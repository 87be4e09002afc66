using Stow.Core.Ids;
using Stow.Core.Space;
using Stow.Cell.PackML;

namespace Stow.Cell.Shift;

/// <summary>A progress snapshot, raised after each attempt. Immutable.</summary>
/// <param name="Items">Items of the shift.</param>
/// <param name="Done">Items finished (stowed, defect or exception).</param>
/// <param name="Attempted">Attempts so far.</param>
/// <param name="Stowed">Stowed so far.</param>
/// <param name="SuccessRate">Stowed / attempted.</param>
/// <param name="PodFill">Volumetric density of the pod at the station.</param>
/// <param name="Pods">Pods used so far.</param>
/// <param name="State">PackML state.</param>
/// <param name="SimTime">Simulated time [s].</param>
/// <param name="Inducted">Items inducted into the buffer so far.</param>
/// <param name="Exceptions">Items sent down the exception path so far.</param>
/// <param name="Pod">Pod at the face; null when unknown.</param>
/// <param name="Estimate">The cell's current space estimate of the pod face (what perception saw, not the world's truth); null when none yet.</param>
/// <param name="BlockedBins">Bins that take no more items on this pod (an insertion stopped short); null for none.</param>
public sealed record ShiftProgress(int Items, int Done, int Attempted, int Stowed, double SuccessRate, double PodFill, int Pods, PackMlState State, double SimTime,
    int Inducted = 0, int Exceptions = 0, PodId? Pod = null, PodSpaceEstimate? Estimate = null, IReadOnlyCollection<BinId>? BlockedBins = null);
