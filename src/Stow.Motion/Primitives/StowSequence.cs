using Stow.Core.Space;

namespace Stow.Motion.Primitives;

/// <summary>
/// One stow as a single action: approach → band separation → the planned primitives (sweep, flip, stack,
/// slot) → insertion → retract → release the bands. Children run in order; the first failure ends the
/// sequence with that child's reason (<see cref="FailedStep"/> names it) and leaves recovery (retract, release)
/// to orchestration. Halt halts the running child.
/// Threading and lifecycle: as <see cref="IMotionAction"/>.
/// </summary>
public sealed class StowSequence : IMotionAction
{
    private readonly IMotionAction[] _steps;
    private int _index;
    private ActionResult _result;

    /// <summary>Creates a sequence from explicit steps.</summary>
    /// <param name="steps">Actions in order.</param>
    public StowSequence(IReadOnlyList<IMotionAction> steps) => _steps = [.. steps];

    /// <inheritdoc/>
    public string Name => "stow";

    /// <summary>The steps in order.</summary>
    public IReadOnlyList<IMotionAction> Steps => _steps;

    /// <summary>The step running now (or the last one run).</summary>
    public IMotionAction? Current => _index < _steps.Length ? _steps[_index] : null;

    /// <summary>Name of the step that failed, or empty.</summary>
    public string FailedStep { get; private set; } = string.Empty;

    /// <summary>Builds the sequence for a planned stow. Outside the control loop (allocates).</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="overrides">Substitutions by name (tests), or null.</param>
    /// <returns>The sequence.</returns>
    /// <exception cref="ArgumentException">The chain holds <see cref="Primitive.None"/> or an unknown kind.</exception>
    public static StowSequence Create(StowPlan plan, ActionOverrides? overrides = null)
    {
        var limits = plan.EffectiveLimits;
        var steps = new List<IMotionAction>
        {
            new ApproachAction(plan.Bin, limits),
            new BandSeparationAction(plan.Bin, limits),
        };
        foreach (var step in plan.Chain)
        {
            steps.Add(step.Kind switch
            {
                Primitive.SweepLeft or Primitive.SweepRight => new SweepAction(plan.Bin, step, limits),
                Primitive.Flip => new FlipAction(plan.Bin, step, limits),
                Primitive.Stack => new StackAction(plan.Bin, step, limits),
                Primitive.Slot => new SlotAction(plan.Bin, step, limits),
                _ => throw new ArgumentException($"primitive {step.Kind} cannot be run", nameof(plan)),
            });
        }

        steps.Add(new InsertionAction(plan));
        steps.Add(new RetractAction(plan.Bin, limits));
        steps.Add(new ReleaseBandsAction(limits));
        return new StowSequence(overrides is null ? steps : steps.ConvertAll(overrides.Resolve));
    }

    /// <inheritdoc/>
    public ActionResult Start(MotionContext context)
    {
        _index = 0;
        FailedStep = string.Empty;
        if (_steps.Length == 0)
        {
            return _result = ActionResult.Succeeded;
        }

        _result = ActionResult.Running;
        return _result = Advance(context, _steps[0].Start(context));
    }

    /// <inheritdoc/>
    public ActionResult Poll(MotionContext context)
    {
        if (_result.Status != ActionStatus.Running)
        {
            return _result;
        }

        return _result = Advance(context, _steps[_index].Poll(context));
    }

    /// <inheritdoc/>
    public void Halt(MotionContext context)
    {
        if (_result.Status == ActionStatus.Running && _index < _steps.Length)
        {
            _steps[_index].Halt(context);
            FailedStep = _steps[_index].Name;
            _result = ActionResult.Failed(FailureReason.Halted);
        }
    }

    private ActionResult Advance(MotionContext context, ActionResult r)
    {
        while (r.Status == ActionStatus.Succeeded)
        {
            if (++_index >= _steps.Length)
            {
                return ActionResult.Succeeded;
            }

            r = _steps[_index].Start(context);
        }

        if (r.Status == ActionStatus.Failed)
        {
            FailedStep = _steps[_index].Name;
        }

        return r;
    }
}
