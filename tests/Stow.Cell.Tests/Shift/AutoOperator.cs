using Stow.Cell.PackML;
using Stow.Cell.Shift;

namespace Stow.Cell.Tests.Shift;

/// <summary>An operator channel that acknowledges every prompt at once and records what it saw.</summary>
internal sealed class AutoOperator : IOperatorChannel
{
    public List<PromptKind> Prompts { get; } = [];

    public List<string> States { get; } = [];

    public void PublishStatus(PackMlState packMlState, double podFill, string? currentStow) => States.Add(packMlState.ToString());

    public bool Prompt(PromptKind kind, string text, TimeSpan timeout)
    {
        Prompts.Add(kind);
        return true;
    }
}
