namespace Stow.Motion.Primitives;

/// <summary>
/// A stand-in action for tests (BehaviorTree.CPP node mocking): runs for a fixed number of polls without
/// commanding anything, then returns a scripted result. Substitute it by name with <see cref="ActionOverrides"/>.
/// </summary>
public sealed class ScriptedAction : IMotionAction
{
    private readonly ActionResult _outcome;
    private readonly int _polls;
    private int _count;
    private ActionResult _result;

    /// <summary>Creates a scripted action.</summary>
    /// <param name="name">Name it stands in for.</param>
    /// <param name="outcome">Final result (Succeeded or Failed with a reason).</param>
    /// <param name="polls">Polls that return Running before the outcome, ≥ 0.</param>
    public ScriptedAction(string name, ActionResult outcome, int polls = 1)
    {
        Name = name;
        _outcome = outcome;
        _polls = polls;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>How many times the action was started.</summary>
    public int Starts { get; private set; }

    /// <inheritdoc/>
    public ActionResult Start(MotionContext context)
    {
        Starts++;
        _count = 0;
        return _result = _polls == 0 ? _outcome : ActionResult.Running;
    }

    /// <inheritdoc/>
    public ActionResult Poll(MotionContext context)
    {
        if (_result.Status == ActionStatus.Running && ++_count >= _polls)
        {
            _result = _outcome;
        }

        return _result;
    }

    /// <inheritdoc/>
    public void Halt(MotionContext context)
    {
        if (_result.Status == ActionStatus.Running)
        {
            _result = ActionResult.Failed(FailureReason.Halted);
        }
    }
}
