namespace Stow.Planning.Decision;

using Stow.Planning.Candidates;

/// <summary>
/// Settings of <see cref="StowPlanner"/> and <see cref="LargestFreeVolumePolicy"/>. Immutable; checked by
/// <see cref="Validate"/>. Time constants are engineering assumptions until measured on the cell; see
/// <see cref="CandidateValue"/> for how they enter the score.
/// </summary>
public sealed record PlannerOptions
{
    /// <summary>Largest exploration rate allowed (issue 4: ≤ 5 %).</summary>
    public const double MaxExplorationRate = 0.05;

    /// <summary>Pod swap when the best predicted success over the buffer is below this, in (0, 1]. Default 0.96 (issue 4).</summary>
    public double SwapThreshold { get; init; } = 0.96;

    /// <summary>Never pick a candidate (greedy or exploratory) below this probability, in [0, <see cref="SwapThreshold"/>]. Default 0.92.</summary>
    public double Floor { get; init; } = 0.92;

    /// <summary>
    /// Item-relative swap rule, in [0, 1]; 0 (default) turns it off. When &gt; 0, a candidate is acceptable when its P is at
    /// least min(<see cref="SwapThreshold"/>, P_empty − SwapSlack) and at least <see cref="Floor"/>, where P_empty is the
    /// best P the same item would get in an empty bin of the pod type. An item that no bin can take at the swap
    /// threshold (heavy, irregular, a tight fit even in an empty bin) is then stowed when the current pod offers
    /// nearly its best case, instead of asking for pod after pod. Our assumption, not from the published system,
    /// whose rule is the plain threshold.
    /// </summary>
    public double SwapSlack { get; init; }

    /// <summary>
    /// Drive-unit travel time of a pod swap [s], ≥ 0: the full pod leaves the station and the next one arrives. Default
    /// 15 s (assumption, the same figure as <c>Cell:Shift:PodSwapSeconds</c>: a drive unit at about 1.5 m/s over a
    /// queue of ~20 m, with the next pod waiting behind). When &gt; 0 the swap is weighed as a cost in the decision: the
    /// planner asks for a new pod only when the best P here falls short of the item's empty-bin P by more than the P
    /// whose expected cost equals the swap time, r · t_swap / (1 + r · t_fail) (the slope of
    /// <see cref="CandidateValue.Score"/> in P), and never stows below <see cref="Floor"/>. A one-item look-ahead: the
    /// remaining capacity of the pod is not valued. 0 keeps the plain <see cref="SwapThreshold"/> (or <see cref="SwapSlack"/>).
    /// </summary>
    public double PodSwapSeconds { get; init; } = 15.0;

    /// <summary>Try the space-making chains (sweep, flip, stack, slot and their pairs); false plans plain insertions only. Default true.</summary>
    public bool SpaceMaking { get; init; } = true;

    /// <summary>The swap cost of <see cref="PodSwapSeconds"/> expressed as a drop in P [1] (0 when off).</summary>
    public double SwapCostInProbability =>
        PodSwapSeconds <= 0 ? 0 : UnitsPerSecond * PodSwapSeconds / (1 + (UnitsPerSecond * FailureSeconds));

    /// <summary>Probability of taking a non-greedy candidate with P ≥ <see cref="Floor"/>, in [0, <see cref="MaxExplorationRate"/>]. Default 0.02.</summary>
    public double ExplorationRate { get; init; } = 0.02;

    /// <summary>Seed of the exploration random stream. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Prefer the overhead rows (the ones people need a ladder for) by adding <see cref="OverheadRowBonus"/>. Default true,
    /// as the published cell does: the robot takes the rows that are slow and unsafe for people.
    /// </summary>
    public bool PreferOverheadRows { get; init; } = true;

    /// <summary>Bin floor height above the pod base from which a row counts as overhead [m]. Default 1.5 (assumption: above shoulder height of most associates).</summary>
    public double OverheadRowMinHeight { get; init; } = 1.5;

    /// <summary>Value added to an overhead-row stow when <see cref="PreferOverheadRows"/> is set [stowed units], ≥ 0. Default 0.15.</summary>
    public double OverheadRowBonus { get; init; } = 0.15;

    /// <summary>Value per unit of volume ratio (item volume / free box volume) [stowed units], ≥ 0. Default 0.1: a best-fit tie-break that keeps large free boxes for large items.</summary>
    public double DensityWeight { get; init; } = 0.1;

    /// <summary>Opportunity rate converting seconds into stowed units [units/s], ≥ 0. Default 1/12 (a 12 s cycle, 300 units per hour; assumption).</summary>
    public double UnitsPerSecond { get; init; } = 1.0 / 12.0;

    /// <summary>Time of a plain insertion (approach, band separation, feed, retract) [s], ≥ 0. Default 8.</summary>
    public double InsertSeconds { get; init; } = 8.0;

    /// <summary>Time of one sweep [s], ≥ 0. Default 3.</summary>
    public double SweepSeconds { get; init; } = 3.0;

    /// <summary>Time of one flip [s], ≥ 0. Default 4.</summary>
    public double FlipSeconds { get; init; } = 4.0;

    /// <summary>Extra time of a stack (aligning on top of contents) [s], ≥ 0. Default 2.</summary>
    public double StackSeconds { get; init; } = 2.0;

    /// <summary>Extra time of a slot (angled insertion) [s], ≥ 0. Default 2.5.</summary>
    public double SlotSeconds { get; init; } = 2.5;

    /// <summary>Expected time lost to a failed attempt (recovery, re-grasp, look again) [s], ≥ 0. Default 15.</summary>
    public double FailureSeconds { get; init; } = 15.0;

    /// <summary>Number of alternatives returned with a decision, ≥ 0. Default 5.</summary>
    public int AlternativeCount { get; init; } = 5;

    /// <summary>Geometric fit margins.</summary>
    public FitOptions Fit { get; init; } = new();

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (named in the exception).</exception>
    public void Validate()
    {
        Range(SwapThreshold, 1e-9, 1, nameof(SwapThreshold));
        Range(Floor, 0, SwapThreshold, nameof(Floor));
        Range(ExplorationRate, 0, MaxExplorationRate, nameof(ExplorationRate));
        Range(SwapSlack, 0, 1, nameof(SwapSlack));
        Range(OverheadRowMinHeight, 0, 100, nameof(OverheadRowMinHeight));
        foreach (var (v, name) in (ReadOnlySpan<(double, string)>)[
            (OverheadRowBonus, nameof(OverheadRowBonus)), (DensityWeight, nameof(DensityWeight)),
            (UnitsPerSecond, nameof(UnitsPerSecond)), (InsertSeconds, nameof(InsertSeconds)),
            (SweepSeconds, nameof(SweepSeconds)), (FlipSeconds, nameof(FlipSeconds)), (StackSeconds, nameof(StackSeconds)),
            (SlotSeconds, nameof(SlotSeconds)), (FailureSeconds, nameof(FailureSeconds)), (PodSwapSeconds, nameof(PodSwapSeconds))])
        {
            Range(v, 0, 1e6, name);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(AlternativeCount);
        ArgumentNullException.ThrowIfNull(Fit);
        Fit.Validate();
    }

    private static void Range(double v, double lo, double hi, string name)
    {
        if (!double.IsFinite(v) || v < lo || v > hi)
        {
            throw new ArgumentOutOfRangeException(name, v, $"must be in [{lo}, {hi}]");
        }
    }
}
