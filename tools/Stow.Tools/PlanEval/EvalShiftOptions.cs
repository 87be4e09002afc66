namespace Stow.Tools.PlanEval;

/// <summary>Settings of one simulated evaluation shift (<see cref="EvalShift"/>). Immutable.</summary>
public sealed record EvalShiftOptions
{
    /// <summary>
    /// Largest fill a pod arrives with (uniform in [0, max] of bin volume). Default 0.15: pods in a fulfilment centre
    /// arrive holding some inventory; 15 % keeps most of each face available to the policy under test (assumption).
    /// </summary>
    public const double DefaultPrefillMax = 0.15;

    /// <summary>Items drawn per pod of the limit. Default 40: more than a 40-bin face takes before the swap threshold.</summary>
    public const int DefaultItemsPerPod = 40;

    /// <summary>Pods to fill; the shift ends cleanly at this limit (≥ 1).</summary>
    public int Pods { get; init; } = 20;

    /// <summary>Seed of the item draw, the world (prefill, outcomes) and the planner's exploration stream.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Largest arrival fill, in [0, 1). Default <see cref="DefaultPrefillMax"/>.</summary>
    public double PrefillMax { get; init; } = DefaultPrefillMax;

    /// <summary>Items drawn per pod. Default <see cref="DefaultItemsPerPod"/>.</summary>
    public int ItemsPerPod { get; init; } = DefaultItemsPerPod;

    /// <summary>Exploration rate of the planners, in [0, 0.05]. Default 0.02 (the planner's default).</summary>
    public double ExplorationRate { get; init; } = 0.02;
}
