namespace Stow.Cell.Shift;

/// <summary>Settings of a stow shift (section <c>Cell:Shift</c> of the cell configuration). SI units.</summary>
public sealed class ShiftOptions
{
    /// <summary>Items held in the induct buffer at once (the planner chooses among them).</summary>
    public int BufferSize { get; set; } = 20;

    /// <summary>Unproductive attempts allowed per item before it goes to the exception path.</summary>
    public int MaxAttemptsPerItem { get; set; } = 3;

    /// <summary>
    /// Time for a drive unit to take a pod away and present the next one [s]. Assumption: Amazon's
    /// drive units swap pods in roughly 10-20 s; 15 s is used. The shift waits at least this long from the swap request;
    /// time the pod station itself took to report the next pod's arrival counts towards it (the simulator's station
    /// models this drive time, an operator-reported station takes none).
    /// </summary>
    public double PodSwapSeconds { get; set; } = 15;

    /// <summary>
    /// Time between two items arriving at the induct [s], on the shift's clock; 0 (default) = every item is
    /// waiting when the shift starts. When arrivals lag the cell, the buffer runs empty and the cell is
    /// Suspended (PackML: starved) until the next item arrives.
    /// </summary>
    public double InductIntervalSeconds { get; set; }

    /// <summary>
    /// Items sent to the exception path on one pod before it is swapped, when the pod came after a swap without a stow and
    /// still offers no candidate at the threshold for any buffered item (1-100, checked by the configuration). Each goes
    /// out bulkiest first (the least likely to find room on any pod), and the pod stays for the items behind it. Default
    /// 1: one exception per swap, as before this setting. More trades items for throughput, each swap costing
    /// <see cref="PodSwapSeconds"/>: 3 on the default run (seeds 1-3) gave UPH 180 instead of 143 and 49.5 % of inducted
    /// items stowed instead of 52.7 %; in <c>plan eval</c> (10 seeds, 10 pods) 77.4 % instead of 84.5 %, UPH 216 vs 208.
    /// </summary>
    public int ExceptionsPerFreshPod { get; set; } = 1;

    /// <summary>Longest wait for an operator's acknowledgement [s] before the shift stops.</summary>
    public double OperatorTimeoutSeconds { get; set; } = 30;

    /// <summary>Upper bound on pods used in one shift (guards against a planner that never stows).</summary>
    public int MaxPods { get; set; } = 200;

    /// <summary>
    /// When true, reaching <see cref="MaxPods"/> ends the shift cleanly (PackML Complete, the last pod's density
    /// counted as at swap, unstowed items left in the buffer) instead of stopping it as an error: planning
    /// evaluations (<c>stowcell plan eval</c>, <c>risk fit</c>) run a fixed number of pods. Default false.
    /// </summary>
    public bool EndAtPodLimit { get; set; }
}
