namespace Stow.Motion.Primitives;

/// <summary>
/// A long-running motion action with Start / Poll / Halt (BehaviorTree.CPP <c>StatefulActionNode</c>:
/// onStart, onRunning, onHalted). Every action is bounded by force and time limits.
/// <para>Threading: all three methods run on the control-loop thread, once per cycle at most, called by
/// <see cref="MotionRunner"/> (or a composing action such as <see cref="StowSequence"/>); they never block,
/// allocate, throw, or format strings. Orchestration talks to the <see cref="MotionRunner"/>, not to the action.</para>
/// <para>Lifecycle: Start → Poll… until done; Halt at any time stops motion and leaves the action Failed(Halted).
/// An action may be started again after it finished.</para>
/// </summary>
public interface IMotionAction
{
    /// <summary>Name used in plans, logs and test substitution (e.g. "sweep_left", "insertion").</summary>
    string Name { get; }

    /// <summary>Starts the action from the current states.</summary>
    /// <param name="context">The cell's motion context for this cycle.</param>
    /// <returns>Running, or an immediate result.</returns>
    ActionResult Start(MotionContext context);

    /// <summary>Advances the action by one cycle.</summary>
    /// <param name="context">The cell's motion context for this cycle.</param>
    /// <returns>Running, Succeeded, or Failed with a reason.</returns>
    ActionResult Poll(MotionContext context);

    /// <summary>Stops motion now (hold position, belts stopped); the action ends Failed(Halted).</summary>
    /// <param name="context">The cell's motion context for this cycle.</param>
    void Halt(MotionContext context);
}
