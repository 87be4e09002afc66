using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Planning.Decision;
using Stow.Planning.Risk;

namespace Stow.Tools.PlanEval;

/// <summary>
/// <c>stowcell plan eval --seeds A-B</c>: five policies on each seed, on common random numbers (each seed's items,
/// pod prefills and outcome stream are the same for every policy): the planner with the prior model, the planner with
/// the learned model (<see cref="LearnedSuccessModel"/>), the planner with the sign-constrained model
/// (<see cref="MonotoneLogisticModel"/>, fitted on exploration logs of disjoint seeds with inverse-propensity weights
/// and Platt-calibrated on held-out seeds), the largest-free-volume baseline, and the prior planner without
/// space-making primitives. Each figure is reported with a 95 % interval over the seeds. Stateless.
/// </summary>
public static class PlanEvalSeries
{
    /// <summary>Seeds of the constrained model's training logs start here (disjoint from any eval seed below it).</summary>
    public const int TrainingSeedBase = 5000;

    /// <summary>Fits the constrained model: logs of the prior planner at the maximum exploration rate on 12 seeds, fitted on 8, calibrated on 4.</summary>
    /// <param name="catalog">Items to draw from (also the prefill).</param>
    /// <param name="podType">Pod type of the shifts.</param>
    /// <param name="podTypes">All pod types (exception routing).</param>
    /// <param name="pods">Pods per training shift.</param>
    /// <param name="perception">What space the planner sees in the training shifts; null for ground truth.</param>
    public static (ISuccessModel Model, string Source) FitMonotone(ItemCatalog catalog, PodType podType, IReadOnlyList<PodType> podTypes, int pods,
        PerceivedSpace? perception = null)
    {
        var train = RiskFit.Collect(catalog, podType, podTypes, Enumerable.Range(TrainingSeedBase, 8), pods, perception: perception);
        var held = RiskFit.Collect(catalog, podType, podTypes, Enumerable.Range(TrainingSeedBase + 8, 4), pods, perception: perception);
        if (train.Count == 0 || held.Count == 0)
        {
            return (new PriorSuccessModel(), "monotone model: no training records; the prior stands in");
        }

        var raw = MonotoneLogisticModel.Fit(train, new MonotoneFitOptions { InversePropensityWeights = true, Iterations = 1500 });
        var calibrated = CalibratedSuccessModel.Fit(raw, held);
        return (calibrated, $"monotone model fitted on seeds {TrainingSeedBase}-{TrainingSeedBase + 7} ({train.Count} records, IPS-weighted), Platt on {TrainingSeedBase + 8}-{TrainingSeedBase + 11} ({held.Count} records, A {calibrated.Platt.A:F3}, B {calibrated.Platt.B:F3})");
    }

    /// <summary>
    /// Runs every policy on every seed; returns the per-seed figures by policy, in policy order, and the off-policy
    /// estimates of the learned and the constrained planner from the prior planner's logs (<see cref="ShadowedPolicy"/>).
    /// </summary>
    public static (IReadOnlyList<(string Policy, IReadOnlyList<PolicyFigures> PerSeed)> Series, IReadOnlyList<OffPolicyRow> OffPolicy) Run(
        ItemCatalog catalog, PodType podType, IReadOnlyList<PodType> podTypes, EvalShiftOptions options, IReadOnlyList<int> seeds,
        ISuccessModel learned, ISuccessModel monotone, PerceivedSpace? perception = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(seeds);
        var byPolicy = new List<(string, List<PolicyFigures>)>();
        var logs = new[] { new List<Stow.Planning.Calibration.LoggedDecision>(), new List<Stow.Planning.Calibration.LoggedDecision>() };
        var agree = new int[2];
        var targetNames = new string[2];
        foreach (var seed in seeds)
        {
            var o = options with { Seed = seed };
            var items = EvalShift.DrawItems(catalog, o);
            var planner = EvalShift.PlannerOptions(o);
            var prior = new PriorSuccessModel();
            StowPlanner[] targets =
            [
                new StowPlanner(learned, podTypes, planner with { ExplorationRate = 0 }),
                new StowPlanner(monotone, podTypes, planner with { ExplorationRate = 0 }),
            ];
            var shadowed = new ShadowedPolicy(new StowPlanner(prior, podTypes, planner), targets);
            ShadowedPolicy[] policies =
            [
                shadowed,
                new(new StowPlanner(learned, podTypes, planner), []),
                new(new StowPlanner(monotone, podTypes, planner), []),
                new(new LargestFreeVolumePolicy(prior, podTypes, planner), []),
                new(new StowPlanner(prior, podTypes, planner with { SpaceMaking = false }), []),
            ];
            for (var i = 0; i < policies.Length; i++)
            {
                var r = EvalShift.Run(policies[i], podType, items, catalog.Items, o, perception: perception);
                var f = PolicyFigures.Of(r, policies[i].SpaceMade(r.Records));
                if (byPolicy.Count <= i)
                {
                    byPolicy.Add((f.Policy, []));
                }

                byPolicy[i].Item2.Add(f);
                if (i == 0)
                {
                    for (var t = 0; t < targets.Length; t++)
                    {
                        var log = shadowed.Log(t, r.Records);
                        logs[t].AddRange(log);
                        agree[t] += log.Count(d => d.TargetProbability > 0);
                    }
                }
                else if (i <= targets.Length)
                {
                    targetNames[i - 1] = f.Policy;
                }
            }
        }

        var rows = new List<OffPolicyRow>();
        for (var t = 0; t < logs.Length; t++)
        {
            if (logs[t].Count > 0)
            {
                rows.Add(new OffPolicyRow(targetNames[t], byPolicy[0].Item1, Stow.Planning.Calibration.OffPolicyEstimator.InversePropensity(logs[t]),
                    agree[t] > 0 ? Stow.Planning.Calibration.OffPolicyEstimator.SelfNormalized(logs[t]) : null,
                    Stow.Planning.Calibration.OffPolicyEstimator.DoublyRobust(logs[t]), (double)agree[t] / logs[t].Count));
            }
        }

        return (byPolicy.Select(p => (p.Item1, (IReadOnlyList<PolicyFigures>)p.Item2)).ToList(), rows);
    }
}
