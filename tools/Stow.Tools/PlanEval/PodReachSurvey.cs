using Stow.Core.Catalog;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Planning.Decision;
using Stow.Planning.Risk;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Sim.World;

namespace Stow.Tools.PlanEval;

/// <summary>
/// <c>stowtools plan reach</c>: how many of the pods that arrive at the station have room for each item, on the
/// simulator's ground-truth space. It bounds what any planner can stow: an item that no arriving pod has room for at
/// P ≥ the floor cannot be stowed without pods that arrive emptier, whatever the planner decides. Stateless.
/// </summary>
/// <remarks>
/// Pods: the first <c>pods</c> pods a <see cref="SimShiftWorld"/> of the seed brings (filled as the world's
/// <c>Sim:Arrival</c> says, prefill stream of the seed: the pods <c>plan eval</c> and <c>stowcell run</c> see with that
/// seed), their space from ground truth (<see cref="GroundTruthPerception"/>) or from the ONNX perception on rendered
/// frames (<see cref="PerceivedSpace"/>). Items:
/// <c>items</c> units drawn from the catalogue with the seed's item stream (<see cref="ItemSampler"/>, as the cell
/// draws a shift). Reach: <see cref="PodReachRouter.Reach"/> under the prior model and default fit margins, the rule
/// the cell's router uses, so the survey and the router count the same thing. Ground truth is the planner's best case:
/// the ONNX perception sees less room (its depth margin), so it is an upper bound for the perceived cell.
/// </remarks>
public static class PodReachSurvey
{
    /// <summary>The survey's result.</summary>
    /// <param name="Pods">Pods surveyed.</param>
    /// <param name="Items">Items surveyed.</param>
    /// <param name="Floor">P floor a candidate must reach.</param>
    /// <param name="ArrivalDensity">Mean volumetric density of the surveyed pods as they arrived, in [0, 1].</param>
    /// <param name="MeanReach">Mean over items of the share of pods with room, in [0, 1]: the chance that a random item fits the pod at the station.</param>
    /// <param name="NoPod">Share of items no surveyed pod has room for at P ≥ floor, in [0, 1].</param>
    /// <param name="NoPodGeometric">Share of items no surveyed pod has a geometric fit for at all (any P), in [0, 1].</param>
    /// <param name="Histogram">Items by the number of pods with room (index 0..Pods).</param>
    public sealed record Result(int Pods, int Items, double Floor, double ArrivalDensity, double MeanReach, double NoPod, double NoPodGeometric, IReadOnlyList<int> Histogram)
    {
        /// <summary>Upper bound of stowed of inducted on these pods: 1 − <see cref="NoPod"/>.</summary>
        public double StowableCeiling => 1 - NoPod;
    }

    /// <summary>Runs the survey.</summary>
    /// <param name="catalog">Items to draw from (also what the pods are prefilled with).</param>
    /// <param name="podType">Pod type.</param>
    /// <param name="worldOptions">World options (the arrival fill; with ONNX space also the sensor noise).</param>
    /// <param name="pods">Pods, ≥ 1.</param>
    /// <param name="items">Items, ≥ 1.</param>
    /// <param name="seed">Seed of the prefill and item streams.</param>
    /// <param name="floor">P floor in (0, 1] (the planner's, default 0.90 as in config/cell.sim.json).</param>
    /// <param name="space">The space the survey reads: null or <see cref="PerceivedSpace.GroundTruth"/> for the simulator's truth (the ceiling), <see cref="PerceivedSpace.Onnx"/> for what the cell's perception reports.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count below 1 or a floor outside (0, 1].</exception>
    public static Result Run(ItemCatalog catalog, PodType podType, SimWorldOptions worldOptions, int pods, int items, int seed, double floor, PerceivedSpace? space = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(podType);
        ArgumentNullException.ThrowIfNull(worldOptions);
        ArgumentOutOfRangeException.ThrowIfLessThan(pods, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 1);
        if (!(floor is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(floor), floor, "the P floor must be in (0, 1]");
        }

        var model = new PriorSuccessModel();
        var options = new PlannerOptions { Floor = floor, SwapThreshold = Math.Max(floor, 0.96) };
        var atFloor = new PodReachRouter(model, options, 0, pods, 1);
        var anyFit = new PodReachRouter(model, options with { Floor = double.Epsilon }, 0, pods, 1);
        var world = new SimShiftWorld(podType, catalog.Items, worldOptions, seed);
        var perception = (space ?? PerceivedSpace.GroundTruth).For(world, seed);
        double density = 0;
        for (var p = 0; p < pods; p++)
        {
            if (p > 0)
            {
                world.NextPod();
            }

            density += world.Density;
            var estimate = perception.Perceive(p);
            atFloor.ObservePod(estimate, podType);
            anyFit.ObservePod(estimate, podType);
        }

        var drawn = ItemSampler.Draw(catalog, items, RandomStreams.SeedOf(seed, RandomStream.Items));
        var histogram = new int[pods + 1];
        int none = 0, noneGeometric = 0;
        double reachSum = 0;
        foreach (var item in drawn)
        {
            var r = atFloor.Reach(item);
            reachSum += r;
            histogram[(int)Math.Round(r * pods)]++;
            none += r == 0 ? 1 : 0;
            noneGeometric += anyFit.Reach(item) == 0 ? 1 : 0;
        }

        return new Result(pods, drawn.Count, floor, density / pods, reachSum / drawn.Count, (double)none / drawn.Count, (double)noneGeometric / drawn.Count, histogram);
    }
}
