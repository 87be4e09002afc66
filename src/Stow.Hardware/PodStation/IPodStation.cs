using Stow.Hardware.Lifecycle;

namespace Stow.Hardware.PodStation;

/// <summary>
/// Pod station: which pod and face is presented, and the swap hand-shake with the drive system.
/// <para>Threading: control-loop thread. Lifecycle: commands refused unless Active.</para>
/// </summary>
public interface IPodStation : ICommandedComponent
{
    /// <summary>Latest states.</summary>
    PodStationState State { get; }

    /// <summary>Asks for the present pod to be taken away and another brought.</summary>
    /// <returns>Accepted, NotActive, or Invalid when a swap is already under way.</returns>
    CommandStatus RequestSwap();

    /// <summary>Acknowledges an arrival, returning the swap phase to Idle.</summary>
    /// <returns>Accepted, NotActive, or Invalid when nothing arrived.</returns>
    CommandStatus AcknowledgeArrival();
}
