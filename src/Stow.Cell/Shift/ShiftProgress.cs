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
public sealed record ShiftProgress(int Items, int Done, int Attempted, int Stowed, double SuccessRate, double PodFill, int Pods, PackMlState State, double SimTime);
