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
    /// Sends a prompt (kind: <c>pod_swap</c>, <c>clear_jam</c>, <c>exception_item</c>) and waits for its
    /// acknowledgement up to <paramref name="timeout"/>. Returns true when acknowledged.
    /// </summary>
    bool Prompt(string kind, string text, TimeSpan timeout);
}
