using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Stow.Cell.PackML;
using Stow.Cell.Shift;
using Stow.Core.Ids;

namespace Stow.Cell.Mqtt;

/// <summary>
/// <see cref="IOperatorChannel"/> (the shift's port) over an <see cref="MqttOperatorLink"/>. The prompt's
/// <see cref="PromptKind"/> arrives typed and is written as text only in the payload. <see cref="Prompt"/> blocks the calling (shift) thread until an operator acknowledges or the
/// timeout passes (wall time); a zero timeout only issues the prompt. A timed-out prompt stays pending (and is
/// re-sent after reconnects) until acknowledged. Thread-safe.
/// </summary>
/// <param name="link">The connected operator link.</param>
/// <param name="cell">PackML cell whose unit mode is published with the state; null for Production.</param>
/// <param name="logger">Logger; null for none.</param>
public sealed class MqttOperatorChannel(MqttOperatorLink link, PackMlCell? cell = null, ILogger? logger = null) : IOperatorChannel
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Pod at the face, published with the fill (set by the host on each pod arrival); null when unknown.</summary>
    public PodId? CurrentPod { get; set; }

    /// <inheritdoc />
    /// <remarks><paramref name="podFill"/> is a fraction in [0, 1]; an undefined state is logged and not published.</remarks>
    public void PublishStatus(PackMlState packMlState, double podFill, string? currentStow)
    {
        if (Enum.IsDefined(packMlState) && packMlState != PackMlState.Undefined)
        {
            link.PublishState(packMlState, cell?.Mode ?? UnitMode.Production);
        }
        else
        {
            _logger.LogWarning("Operator channel: undefined PackML state {State} not published", packMlState);
        }

        link.PublishPodFill(new PodFillStatus(CurrentPod, podFill));
        link.PublishCurrentStowSummary(currentStow);
    }

    /// <inheritdoc />
    public bool Prompt(PromptKind kind, string text, TimeSpan timeout)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a defined PromptKind");
        }

        var acked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? id = null;
        void OnAck(object? sender, PromptAcknowledgedEventArgs e)
        {
            if (e.Prompt.Id == Volatile.Read(ref id))
            {
                acked.TrySetResult();
            }
        }

        link.PromptAcknowledged += OnAck;
        try
        {
            var prompt = link.Prompt(kind, text, CurrentPod);
            Volatile.Write(ref id, prompt.Id);
            if (!link.PendingPrompts.Any(p => p.Id == prompt.Id))
            {
                return true; // acknowledged before the id was known here
            }

            return timeout > TimeSpan.Zero && acked.Task.Wait(timeout);
        }
        finally
        {
            link.PromptAcknowledged -= OnAck;
        }
    }
}
