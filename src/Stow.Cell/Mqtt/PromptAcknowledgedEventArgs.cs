namespace Stow.Cell.Mqtt;

/// <summary>An operator acknowledged an outstanding prompt (it is no longer pending).</summary>
/// <param name="Prompt">The prompt.</param>
/// <param name="Operator">Who acknowledged (as given in the payload; may be empty).</param>
/// <param name="Response">Free text response (may be empty).</param>
/// <param name="At">UTC time the cell accepted the acknowledgement.</param>
public sealed record PromptAcknowledgedEventArgs(OperatorPrompt Prompt, string Operator, string Response, DateTimeOffset At);
