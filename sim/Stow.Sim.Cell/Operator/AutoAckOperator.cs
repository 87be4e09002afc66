using Stow.Cell.Shift;

namespace Stow.Sim.Cell.Operator;

/// <summary>
/// An operator who acknowledges every prompt at once, for planning evaluations on the simulator (pod swaps and
/// exception items need no person there). Counts prompts by kind. Thread-safe.
/// </summary>
public sealed class AutoAckOperator : IOperatorChannel
{
    private readonly Dictionary<string, int> _prompts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Prompts so far by kind (<c>pod_swap</c>, <c>clear_jam</c>, <c>exception_item</c>).</summary>
    public IReadOnlyDictionary<string, int> Prompts
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, int>(_prompts, StringComparer.Ordinal);
            }
        }
    }

    /// <inheritdoc />
    public void PublishStatus(string packMlState, double podFill, string? currentStow)
    {
    }

    /// <inheritdoc />
    /// <remarks>Always acknowledged, in zero time.</remarks>
    public bool Prompt(string kind, string text, TimeSpan timeout)
    {
        lock (_lock)
        {
            _prompts[kind] = _prompts.GetValueOrDefault(kind) + 1;
        }

        return true;
    }
}
