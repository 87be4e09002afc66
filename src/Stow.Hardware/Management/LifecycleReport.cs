namespace Stow.Hardware.Management;

/// <summary>What a manager-wide transition did to each component. Immutable.</summary>
/// <param name="Outcomes">One entry per component, in cycle order.</param>
public sealed record LifecycleReport(IReadOnlyList<ComponentOutcome> Outcomes)
{
    /// <summary>True when every component's transition succeeded.</summary>
    public bool Succeeded => Outcomes.All(o => o.Result == Lifecycle.CallbackReturn.Success);

    /// <summary>The outcomes that did not succeed.</summary>
    public IEnumerable<ComponentOutcome> Failures => Outcomes.Where(o => o.Result != Lifecycle.CallbackReturn.Success);
}
