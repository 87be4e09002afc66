using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Planning.Calibration;
using Stow.Planning.Decision;
using Stow.Planning.Risk;

namespace Stow.Tools.PlanEval;

/// <summary>
/// Collects attempt records from simulated shifts of the prior planner with exploration, and fits the learned
/// success model on them (<c>stowcell risk fit</c>; also <c>plan eval</c> when no saved model exists). Stateless.
/// </summary>
public static class RiskFit
{
    /// <summary>Exploration rate of training shifts (issue 4 allows up to 5 %; the most gives the most varied records).</summary>
    public const double TrainingExplorationRate = PlannerOptions.MaxExplorationRate;

    /// <summary>Attempt records of one prior-planner shift per seed.</summary>
    /// <param name="catalog">Items to draw from (also the prefill).</param>
    /// <param name="podType">Pod type of the shifts.</param>
    /// <param name="podTypes">All pod types (exception routing).</param>
    /// <param name="seeds">One shift per seed.</param>
    /// <param name="pods">Pods per shift.</param>
    /// <param name="explorationRate">Exploration rate of the planner, in [0, 0.05].</param>
    /// <param name="perception">What space the planner sees; null for ground truth.</param>
    /// <param name="world">The simulated world; null for the default.</param>
    public static IReadOnlyList<AttemptRecord> Collect(ItemCatalog catalog, PodType podType, IReadOnlyList<PodType> podTypes,
        IEnumerable<int> seeds, int pods, double explorationRate = TrainingExplorationRate, PerceivedSpace? perception = null,
        Stow.Sim.World.SimWorldOptions? world = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(seeds);
        var records = new List<AttemptRecord>();
        foreach (var seed in seeds)
        {
            var o = new EvalShiftOptions { Pods = pods, Seed = seed, ExplorationRate = explorationRate, World = world ?? Stow.Sim.World.SimWorldOptions.Default };
            var policy = new StowPlanner(new PriorSuccessModel(), podTypes, EvalShift.PlannerOptions(o));
            records.AddRange(EvalShift.Run(policy, podType, EvalShift.DrawItems(catalog, o), catalog.Items, o, perception: perception).Records);
        }

        return records;
    }

    /// <summary>Collects records on <paramref name="seeds"/> and fits the learned model on them.</summary>
    /// <exception cref="InvalidOperationException">The shifts produced no records.</exception>
    public static RiskModelFile Fit(string catalogName, ItemCatalog catalog, PodType podType, IReadOnlyList<PodType> podTypes,
        IReadOnlyList<int> seeds, int pods, double explorationRate = TrainingExplorationRate, PerceivedSpace? perception = null)
    {
        ArgumentNullException.ThrowIfNull(podType);
        ArgumentNullException.ThrowIfNull(seeds);
        var records = Collect(catalog, podType, podTypes, seeds, pods, explorationRate, perception);
        if (records.Count == 0)
        {
            throw new InvalidOperationException("the training shifts made no attempts to learn from");
        }

        return FileOf(catalogName, podType, seeds, pods, explorationRate, records);
    }

    /// <summary>Fits the learned model on <paramref name="records"/> and describes how they were logged.</summary>
    /// <exception cref="InvalidOperationException">No records.</exception>
    public static RiskModelFile FileOf(string catalogName, PodType podType, IReadOnlyList<int> seeds, int pods, double explorationRate,
        IReadOnlyList<AttemptRecord> records)
    {
        ArgumentNullException.ThrowIfNull(podType);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            throw new InvalidOperationException("the training shifts made no attempts to learn from");
        }

        var model = LearnedSuccessModel.Fit(records);
        return new RiskModelFile(catalogName, podType.Name, seeds.ToArray(), pods, new EvalShiftOptions().World.Arrival.MaxFill,
            explorationRate, records.Count, model.Parameters);
    }

    /// <summary>Calibration of the prior and the learned model on the same records (10 equal-count bins: deciles).</summary>
    public static (CalibrationReport Prior, CalibrationReport Learned) Compare(ISuccessModel learned, IReadOnlyList<AttemptRecord> records) =>
        (CalibrationMetrics.ForModel(new PriorSuccessModel(), records, 10, ReliabilityBinning.EqualCount),
         CalibrationMetrics.ForModel(learned, records, 10, ReliabilityBinning.EqualCount));

    /// <summary>The sentence issue 4 asks for: whether the learned model beats the prior in Brier score on held-out records.</summary>
    public static string Verdict(CalibrationReport prior, CalibrationReport learned, string heldOut)
    {
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentNullException.ThrowIfNull(learned);
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        return learned.Brier < prior.Brier
            ? string.Create(ci, $"The learned model beats the prior on held-out {heldOut} in Brier score ({learned.Brier:F4} vs {prior.Brier:F4}, n = {learned.Count}).")
            : string.Create(ci, $"The learned model does NOT beat the prior on held-out {heldOut} in Brier score ({learned.Brier:F4} vs {prior.Brier:F4}, n = {learned.Count}).");
    }
}
