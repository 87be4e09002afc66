using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Stow.Cell.PackML;
using Stow.Cell.Shift;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.Operator;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Core.Catalog;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Time;
using Stow.Planning.Calibration;
using Stow.Planning.Decision;
using Stow.Sim.World;

namespace Stow.Tools.PlanEval;

/// <summary>
/// One planning policy on the simulated world for <c>stowcell plan eval</c> and <c>risk fit</c>: a stream of
/// prefilled pods (<see cref="SimShiftWorld"/>) with the space the cell's ONNX perception estimates on rendered frames
/// or, for comparison, ground-truth space (<see cref="PerceivedSpace"/>),
/// <see cref="TimedMotion"/>, a <see cref="MemoryJournal"/> (counting outcome reasons), an <see cref="AutoAckOperator"/> and PackML over a
/// <see cref="VirtualClock"/>, run by <see cref="ShiftRunner"/> until the pod limit or the items run out.
/// Deterministic for (catalogue, pod type, policy, options). Stateless.
/// </summary>
public static class EvalShift
{
    /// <summary>The items of a shift: <see cref="EvalShiftOptions.ItemsPerPod"/> × pods units drawn with the seed.</summary>
    public static IReadOnlyList<Item> DrawItems(ItemCatalog catalog, EvalShiftOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return ItemSampler.Draw(catalog, options.ItemsPerPod * options.Pods, RandomStreams.SeedOf(options.Seed, RandomStream.Items));
    }

    /// <summary>Planner options of an evaluation shift (defaults, with the run's seed, exploration rate and floor).</summary>
    public static PlannerOptions PlannerOptions(EvalShiftOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var planner = new PlannerOptions { Seed = RandomStreams.SeedOf(options.Seed, RandomStream.Exploration), ExplorationRate = options.ExplorationRate };
        return options.Floor is { } floor ? planner with { Floor = floor } : planner;
    }

    /// <summary>Runs <paramref name="policy"/> over <paramref name="items"/> on pods of <paramref name="podType"/>.</summary>
    /// <param name="policy">Policy under test (a fresh instance: policies keep state).</param>
    /// <param name="podType">Type of every pod.</param>
    /// <param name="items">Items in induct order.</param>
    /// <param name="prefillItems">Items pods arrive holding (e.g. the catalogue's).</param>
    /// <param name="options">Pods, seed, prefill.</param>
    /// <param name="log">Shift log; null for none.</param>
    /// <param name="perception">What space the planner sees; null for ground truth.</param>
    public static EvalShiftResult Run(IStowPolicy policy, PodType podType, IReadOnlyList<Item> items,
        IReadOnlyList<Item> prefillItems, EvalShiftOptions options, ILogger? log = null, PerceivedSpace? perception = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Pods, 1);
        var clock = new VirtualClock();
        var world = new SimShiftWorld(podType, prefillItems, options.World, options.Seed);
        var arrivals = new List<double> { world.Density };
        world.PodArrived += (_, pod) => arrivals.Add(pod.Bins.Sum(b => b.OccupiedVolume) / pod.Bins.Sum(b => b.Spec.Volume));
        // The world's truth of every applied stow, for the figures only: nothing of it reaches the planner or the cell.
        var truths = new List<Stow.Core.Outcomes.StowOutcome>();
        world.Applied += (_, truth) => truths.Add(truth.Kind);
        var planner = new PolicyPlanner(policy);
        var states = new PackMlShiftStates(new PackMlCell(clock));
        var shiftOptions = new ShiftOptions { MaxPods = options.Pods, EndAtPodLimit = true };
        var journal = new ReasonCountingJournal();
        var runner = new ShiftRunner(world, (perception ?? PerceivedSpace.GroundTruth).For(world, options.Seed), planner, new TimedMotion(clock, world),
            journal, new AutoAckOperator(), states, clock, shiftOptions, log ?? NullLogger.Instance);
        var shift = runner.Run(items, CancellationToken.None);
        var eval = new PolicyEvaluation(policy.Name);
        foreach (var r in planner.Records)
        {
            eval.RecordAttempt(r);
        }

        foreach (var d in shift.DensityAtSwap)
        {
            eval.RecordPodSwap(Math.Clamp(d, 0, 1));
        }

        for (var i = 0; i < shift.Summary.Exceptions; i++)
        {
            eval.RecordException();
        }

        return new EvalShiftResult(eval.Summarize(10, ReliabilityBinning.EqualCount), planner.Records.ToList(), shift,
            items.Count, journal.AttemptedItems.Count, runner.PodLimitReached, journal.Reasons, arrivals, truths);
    }
}
