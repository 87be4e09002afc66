using Stow.Sim.World;

namespace Stow.Tools.PlanEval;

/// <summary>Settings of one simulated evaluation shift (<see cref="EvalShift"/>). Immutable.</summary>
public sealed record EvalShiftOptions
{
    /// <summary>Items drawn per pod of the limit. Default 40: more than a 40-bin face takes before the swap threshold.</summary>
    public const int DefaultItemsPerPod = 40;

    /// <summary>Pods to fill; the shift ends cleanly at this limit (≥ 1).</summary>
    public int Pods { get; init; } = 20;

    /// <summary>
    /// Run seed: the item draw, the pod prefill, the outcomes and the planner's exploration each get their own stream
    /// derived from it (<see cref="RandomStreams"/>), so policies on the same seed see the same items and pods.
    /// </summary>
    public int Seed { get; init; } = 1;

    /// <summary>The simulated world: outcome constants and arrival fill (<c>Sim:</c> keys; default <see cref="SimWorldOptions.Default"/>, pods arriving 20–67 % full).</summary>
    public SimWorldOptions World { get; init; } = SimWorldOptions.Default;

    /// <summary>Items drawn per pod. Default <see cref="DefaultItemsPerPod"/>.</summary>
    public int ItemsPerPod { get; init; } = DefaultItemsPerPod;

    /// <summary>The planners' P floor (<see cref="Stow.Planning.Decision.PlannerOptions.Floor"/>), or null for its default (0.92).</summary>
    public double? Floor { get; init; }

    /// <summary>Exploration rate of the planners, in [0, 0.05]. Default 0.02 (the planner's default).</summary>
    public double ExplorationRate { get; init; } = 0.02;
}
