namespace Stow.Planning.Decision;

/// <summary>What a stow policy decided.</summary>
public enum DecisionKind
{
    /// <summary>Nothing to do: the buffer is empty.</summary>
    Idle = 0,

    /// <summary>Stow <see cref="StowDecision.Item"/> with <see cref="StowDecision.Candidate"/>.</summary>
    Stow = 1,

    /// <summary>Ask for a pod swap: the best predicted success over the buffer is below the swap threshold.</summary>
    PodSwap = 2,

    /// <summary>Route <see cref="StowDecision.Item"/> to the exception path: it fits no bin of any known pod type.</summary>
    Exception = 3,
}
