namespace Stow.Sim.World;

using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Pods;
using Stow.Core.Space;

/// <summary>
/// The simulator's stochastic stow outcome model (docs/sim-outcome-model.md). Geometry decides first: an item that
/// cannot enter is unproductive (<see cref="StowReason.NoFit"/>), one stopped more than
/// <see cref="StowOutcomeOptions.BlockedFraction"/> outside is unproductive (<see cref="StowReason.Blocked"/>), one
/// stopped partly outside is a defect (<see cref="StowReason.Protruding"/>). Otherwise independent risks, each with a
/// probability from <see cref="StowOutcomeOptions"/>, are tried in a fixed order, defects first: the first that fires
/// decides the outcome and the reason. Stateless apart from its options; thread-safe if each thread passes its own
/// <see cref="Random"/>. Allocation-free.
/// </summary>
public sealed class StowOutcomeModel
{
    private const int MaxRisks = 16;

    /// <summary>Creates the model.</summary>
    /// <param name="options">Its constants.</param>
    public StowOutcomeModel(StowOutcomeOptions options)
    {
        Options = options;
    }

    /// <summary>The model's constants.</summary>
    public StowOutcomeOptions Options { get; }

    /// <summary>Probabilities of defect and unproductive for an insertion plan after a primitive chain.</summary>
    /// <param name="item">The item.</param>
    /// <param name="bin">The target bin (its floor height matters for heavy items).</param>
    /// <param name="plan">Where the item would end (from <see cref="SimBin.PlanInsert"/> after the chain ran).</param>
    /// <param name="chain">The primitive chain of the request.</param>
    public OutcomeProbabilities Probabilities(Item item, BinSpec bin, in InsertionPlan plan, IReadOnlyList<Primitive> chain)
    {
        var geometric = Geometric(plan);
        if (geometric != StowReason.None)
        {
            return geometric == StowReason.Protruding ? new OutcomeProbabilities(1, 0) : new OutcomeProbabilities(0, 1);
        }

        Span<Risk> risks = stackalloc Risk[MaxRisks];
        var n = Risks(item, bin, plan, chain, risks);
        var noDefect = 1.0;
        var noUnproductive = 1.0;
        for (var i = 0; i < n; i++)
        {
            if (risks[i].Defect)
            {
                noDefect *= 1 - risks[i].P;
            }
            else
            {
                noUnproductive *= 1 - risks[i].P;
            }
        }

        return new OutcomeProbabilities(1 - noDefect, noDefect * (1 - noUnproductive));
    }

    /// <summary>Draws the outcome of one attempt from <paramref name="rng"/>; same arguments and RNG state give the same result.</summary>
    /// <param name="item">The item.</param>
    /// <param name="bin">The target bin.</param>
    /// <param name="plan">Where the item would end.</param>
    /// <param name="chain">The primitive chain of the request.</param>
    /// <param name="rng">The seeded random source (advanced by one draw per risk).</param>
    /// <param name="reason">Why (None when stowed).</param>
    public StowOutcome Sample(Item item, BinSpec bin, in InsertionPlan plan, IReadOnlyList<Primitive> chain, Random rng, out StowReason reason)
    {
        reason = Geometric(plan);
        if (reason != StowReason.None)
        {
            return reason == StowReason.Protruding ? StowOutcome.Defect : StowOutcome.Unproductive;
        }

        Span<Risk> risks = stackalloc Risk[MaxRisks];
        var n = Risks(item, bin, plan, chain, risks);
        for (var i = 0; i < n; i++)
        {
            if (rng.NextDouble() < risks[i].P)
            {
                reason = risks[i].Reason;
                return risks[i].Defect ? StowOutcome.Defect : StowOutcome.Unproductive;
            }
        }

        return StowOutcome.Stowed;
    }

    private StowReason Geometric(in InsertionPlan plan)
    {
        if (!plan.Enters)
        {
            return StowReason.NoFit;
        }

        if (plan.Fits)
        {
            return StowReason.None;
        }

        return plan.Protrusion > Options.BlockedFraction * plan.Box.Size.X ? StowReason.Blocked : StowReason.Protruding;
    }

    /// <summary>Fills the risk list, defects first, in a fixed order; returns the count.</summary>
    private int Risks(Item item, BinSpec bin, in InsertionPlan plan, IReadOnlyList<Primitive> chain, Span<Risk> r)
    {
        var o = Options;
        var sweeps = 0;
        var flips = 0;
        for (var i = 0; i < chain.Count; i++)
        {
            switch (chain[i])
            {
                case Primitive.SweepLeft:
                case Primitive.SweepRight:
                    sweeps++;
                    break;
                case Primitive.Flip:
                    flips++;
                    break;
                default:
                    break;
            }
        }

        var slot = plan.Mode == Primitive.Slot ? 1 : 0;
        var stack = plan.Mode == Primitive.Stack ? 1 : 0;
        var tight = Math.Exp(-Math.Max(0, plan.Clearance) / o.ClearanceScale);
        var rolls = item.Class == PackagingClass.Cylinder &&
            ItemOrientations.PoseOf(item.Dimensions, plan.Box.Size) != ItemPose.Standing;
        var n = 0;

        // Defects.
        r[n++] = new Risk(StowReason.Other, true, o.BaseDefect);
        if (item.Fragile || item.Class == PackagingClass.Clamshell)
        {
            var contact = (sweeps + slot) * o.FragileContactDefect;
            r[n++] = new Risk(StowReason.Broken, true, Math.Min(1, o.FragileDefect + (o.FragileTightDefect * tight) + contact));
        }

        if (rolls)
        {
            r[n++] = new Risk(StowReason.Dropped, true, o.RollDefect);
        }

        var heavy = Math.Clamp((item.Mass - o.HeavyMass) / o.HeavyMassSpan, 0, 1);
        if (heavy > 0)
        {
            var height = Math.Max(0, bin.FloorHeight + plan.Box.Min.Z) / o.HeavyReferenceHeight;
            r[n++] = new Risk(StowReason.Dropped, true, Math.Min(1, o.HeavyDropDefect * heavy * height));
        }

        r[n++] = new Risk(StowReason.Protruding, true, o.BandDefect * Math.Exp(-plan.FrontMargin / o.BandScale));
        r[n++] = new Risk(StowReason.Other, true, Math.Min(1, o.PrimitiveDefect * (sweeps + flips + slot + stack)));

        // Unproductive.
        r[n++] = new Risk(StowReason.Other, false, o.BaseUnproductive);
        r[n++] = new Risk(StowReason.TightFit, false, o.TightFitUnproductive * tight);
        if (item.Class == PackagingClass.Deformable)
        {
            r[n++] = new Risk(StowReason.Slumped, false, o.SlumpUnproductive + (stack * o.SlumpStackUnproductive));
        }

        if (rolls)
        {
            r[n++] = new Risk(StowReason.Rolled, false, o.RollUnproductive);
        }

        if (plan.Pose == ItemPose.Leaning)
        {
            r[n++] = new Risk(StowReason.Toppled, false, o.LeanUnproductive);
        }

        var chainRisk = (sweeps * o.SweepUnproductive) + (flips * o.FlipUnproductive) +
            (stack * o.StackUnproductive) + (slot * o.SlotUnproductive);
        r[n++] = new Risk(StowReason.PrimitiveFailed, false, Math.Min(1, chainRisk));
        return n;
    }

    private readonly record struct Risk(StowReason Reason, bool Defect, double P);
}
