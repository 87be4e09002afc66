namespace Stow.Cell.Mqtt;

/// <summary>An operator acknowledged an outstanding prompt (it is no longer pending).</summary>
/// <param name="Prompt">The prompt.</param>
/// <param name="Operator">Who acknowledged (as given in the payload; may be empty).</param>
/// <param name="Response">Free text response (may be empty).</param>
/// <param name="At">UTC time the cell accepted the acknowledgement.</param>
/// <param name="Channel">Where it came from: <c>mqtt</c> (topic <c>operator/ack</c>) or <c>hmi</c> (the web HMI).</param>
public sealed record PromptAcknowledgedEventArgs(OperatorPrompt Prompt, string Operator, string Response, DateTimeOffset At, string Channel = "mqtt");
