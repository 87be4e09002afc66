namespace Stow.Motion.Primitives;

/// <summary>
/// Substitutions of actions by name, used when a <see cref="StowSequence"/> is built (tests script a
/// primitive's result without running it). Build-time only, not thread-safe.
/// </summary>
public sealed class ActionOverrides
{
    private readonly Dictionary<string, IMotionAction> _byName = new(StringComparer.Ordinal);

    /// <summary>Substitutes <paramref name="action"/> for every action named <see cref="IMotionAction.Name"/>.</summary>
    /// <param name="action">The stand-in.</param>
    /// <returns>This, for chaining.</returns>
    public ActionOverrides Substitute(IMotionAction action)
    {
        _byName[action.Name] = action;
        return this;
    }

    /// <summary>The substitute for <paramref name="original"/>'s name, or <paramref name="original"/>.</summary>
    /// <param name="original">The action the builder would use.</param>
    /// <returns>The action to use.</returns>
    public IMotionAction Resolve(IMotionAction original) =>
        _byName.TryGetValue(original.Name, out var s) ? s : original;
}
