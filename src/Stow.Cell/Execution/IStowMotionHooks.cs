using Stow.Cell.Shift;

namespace Stow.Cell.Execution;

/// <summary>
/// What a backend adds around <see cref="HalStowMotion"/>'s stow sequence: the simulator hands the item over at the
/// induct, injects faults and moves its contact geometry; a live cell needs none of it (null hooks). Called on the shift
/// thread, between control cycles, never inside one.
/// </summary>
public interface IStowMotionHooks
{
    /// <summary>A stow starts (before the pick): <paramref name="stowIndex"/> counts every stow from 1.</summary>
    void StowStarting(int stowIndex);

    /// <summary>The pick at the induct ended: the item of <paramref name="action"/> is now taken between the paddles.</summary>
    void ItemPicked(StowAction action, int stowIndex);

    /// <summary>
    /// The stow sequence succeeded: the feed ended and the paddles released the item into the bin (the simulator's world
    /// moves it there with its outcome model; the cell reads the result only from its sensors afterwards).
    /// </summary>
    void ItemReleased(StowAction action, int stowIndex);

    /// <summary>True while an e-stop outside the safety controller's status is pressed (the simulator's button).</summary>
    bool EStopPressed { get; }

    /// <summary>An operator cleared the cell (PackML Clearing / Unholding): undo what the backend latched.</summary>
    void FaultCleared();

    /// <summary>For the recovery jog after a fault: the arm touches the pod's structure only while the returned scope lives.</summary>
    /// <returns>The scope (dispose to restore), or null when the backend has no contact model.</returns>
    IDisposable? StructureOnly();
}
