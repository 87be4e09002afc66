using Stow.Cell.PackML;
using Stow.Cell.Shift;

namespace Stow.Sim.Cell.Operator;

/// <summary>
/// An operator who acknowledges every prompt at once, for planning evaluations on the simulator (pod swaps and
/// exception items need no person there). Counts prompts by kind. Thread-safe.
/// </summary>
public sealed class AutoAckOperator : IOperatorChannel
{
    private readonly Dictionary<PromptKind, int> _prompts = [];
    private readonly Lock _lock = new();

    /// <summary>Prompts so far by kind.</summary>
    public IReadOnlyDictionary<PromptKind, int> Prompts
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<PromptKind, int>(_prompts);
            }
        }
    }

    /// <inheritdoc />
    public void PublishStatus(PackMlState packMlState, double podFill, string? currentStow)
    {
    }

    /// <inheritdoc />
    /// <remarks>Always acknowledged, in zero time.</remarks>
    public bool Prompt(PromptKind kind, string text, TimeSpan timeout)
    {
        lock (_lock)
        {
            _prompts[kind] = _prompts.GetValueOrDefault(kind) + 1;
        }

        return true;
    }
}
