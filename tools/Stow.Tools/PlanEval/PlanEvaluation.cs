using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Planning.Decision;
using Stow.Planning.Risk;

namespace Stow.Tools.PlanEval;

/// <summary>
/// <c>stowcell plan eval</c>: the planner with the prior model, the planner with the learned model and the
/// largest-free-volume baseline (the Amazon Picking Challenge 2016 stow teams' rule), each on its own fresh world
/// with the same seed and the same items. Stateless.
/// </summary>
public static class PlanEvaluation
{
    /// <summary>Pods per shift when the learned model must be fitted on the fly.</summary>
    public const int OnTheFlyPods = 5;

    /// <summary>Shifts (seeds) fitted on the fly.</summary>
    public const int OnTheFlySeeds = 4;

    /// <summary>Offset of the on-the-fly training seeds from the eval seed (seed + 1000 …), so they never include it.</summary>
    public const int OnTheFlySeedOffset = 1000;

    /// <summary>
    /// Loads the learned model from <paramref name="modelPath"/> when the file exists, else fits one on seeds disjoint
    /// from the eval seed; returns it with a sentence saying which.
    /// </summary>
    public static (LearnedSuccessModel Model, string Source) LearnedModel(string? modelPath, string catalogName, ItemCatalog catalog,
        PodType podType, IReadOnlyList<PodType> podTypes, int evalSeed)
    {
        if (modelPath is not null && File.Exists(modelPath))
        {
            var file = RiskModelFile.Load(modelPath);
            var overlap = file.TrainingSeeds.Contains(evalSeed) ? $"; WARNING: the eval seed {evalSeed} is among its training seeds" : "";
            return (file.ToModel(), $"loaded {modelPath} (catalog {file.Catalog}, seeds {Range(file.TrainingSeeds)}, {file.Records} records){overlap}");
        }

        var seeds = Enumerable.Range(evalSeed + OnTheFlySeedOffset, OnTheFlySeeds).ToArray();
        var fitted = RiskFit.Fit(catalogName, catalog, podType, podTypes, seeds, OnTheFlyPods);
        return (fitted.ToModel(), $"no {modelPath ?? "model file"}: fitted on the fly on {catalogName} seeds {Range(seeds)} ({fitted.Records} records)");
    }

    /// <summary>Runs the three policies.</summary>
    public static PlanEvalReport Run(string catalogName, ItemCatalog catalog, PodType podType, IReadOnlyList<PodType> podTypes,
        EvalShiftOptions options, LearnedSuccessModel learned, string learnedSource, PerceivedSpace? perception = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(podType);
        var items = EvalShift.DrawItems(catalog, options);
        var planner = EvalShift.PlannerOptions(options);
        var prior = new PriorSuccessModel();
        IStowPolicy[] policies =
        [
            new StowPlanner(prior, podTypes, planner),
            new StowPlanner(learned, podTypes, planner),
            new LargestFreeVolumePolicy(prior, podTypes, planner),
        ];
        var results = policies.Select(p => EvalShift.Run(p, podType, items, catalog.Items, options, perception: perception)).ToList();
        var all = results.SelectMany(r => r.Records).ToList();
        var (priorCal, learnedCal) = RiskFit.Compare(learned, all);
        var verdict = RiskFit.Verdict(priorCal, learnedCal, $"seed {options.Seed} (all attempts of the three runs)");
        return new PlanEvalReport(catalogName, podType.Name, options, learnedSource, results, priorCal, learnedCal, verdict);
    }

    private static string Range(int[] seeds) =>
        seeds.Length == 0 ? "none" : seeds.Length == 1 ? $"{seeds[0]}" : $"{seeds.Min()}-{seeds.Max()}";
}
