using Stow.Cell.PackML;

namespace Stow.Cell.Shift;

/// <summary>
/// Prompts to operators and the cell's published status (MQTT in the host). Thread-safe.
/// </summary>
public interface IOperatorChannel
{
    /// <summary>Publishes the retained status (PackML state, pod fill, current stow).</summary>
    void PublishStatus(PackMlState packMlState, double podFill, string? currentStow);

    /// <summary>
    /// Sends a prompt of <paramref name="kind"/> and waits for its acknowledgement up to <paramref name="timeout"/>
    /// (zero: only issue it). Returns true when acknowledged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined <see cref="PromptKind"/>.</exception>
    bool Prompt(PromptKind kind, string text, TimeSpan timeout);
}
