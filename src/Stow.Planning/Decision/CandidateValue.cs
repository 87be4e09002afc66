namespace Stow.Planning.Decision;

using Stow.Core.Space;
using Stow.Planning.Candidates;

/// <summary>
/// The decision score of a candidate: expected value minus expected time cost, both in stowed-unit equivalents.
/// Stateless and thread-safe; allocation-free.
/// </summary>
/// <remarks>
/// score = P · value − r · (t_chain + (1 − P) · t_fail), where
/// value = 1 (one more unit stowed: throughput) + <see cref="PlannerOptions.DensityWeight"/> · volume ratio
/// (pod density: a snug fit leaves larger free boxes for larger items, the best-fit rule of bin packing)
/// + <see cref="PlannerOptions.OverheadRowBonus"/> on overhead rows when <see cref="PlannerOptions.PreferOverheadRows"/>
/// (the published cell takes the rows people need ladders for); r = <see cref="PlannerOptions.UnitsPerSecond"/> turns
/// seconds into the units the cell could have stowed meanwhile; t_chain = insertion time + the time of each primitive
/// of the chain; t_fail = <see cref="PlannerOptions.FailureSeconds"/>.
/// </remarks>
public static class CandidateValue
{
    /// <summary>Seconds the chain takes, insertion included [s].</summary>
    public static double ChainSeconds(in PrimitiveChain chain, PlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.InsertSeconds + StepSeconds(chain.First, options) + StepSeconds(chain.Second, options);
    }

    /// <summary>Value of a success [stowed units] for <paramref name="candidate"/>.</summary>
    public static double Value(in StowCandidate candidate, PlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var f = candidate.Features;
        var value = 1 + (options.DensityWeight * Math.Clamp(f.VolumeRatio, 0, 1));
        if (options.PreferOverheadRows && f.RowHeight >= options.OverheadRowMinHeight)
        {
            value += options.OverheadRowBonus;
        }

        return value;
    }

    /// <summary>The score of the remarks [stowed-unit equivalents].</summary>
    public static double Score(in StowCandidate candidate, PlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = candidate.Probability;
        var seconds = ChainSeconds(candidate.Features.Chain, options) + ((1 - p) * options.FailureSeconds);
        return (p * Value(candidate, options)) - (options.UnitsPerSecond * seconds);
    }

    private static double StepSeconds(Primitive p, PlannerOptions o) => p switch
    {
        Primitive.SweepLeft or Primitive.SweepRight => o.SweepSeconds,
        Primitive.Flip => o.FlipSeconds,
        Primitive.Stack => o.StackSeconds,
        Primitive.Slot => o.SlotSeconds,
        _ => 0,
    };
}
