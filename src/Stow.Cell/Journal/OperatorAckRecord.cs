namespace Stow.Cell.Journal;

/// <summary>An operator's acknowledgement of a prompt, as the journal keeps it (table <c>operator_acks</c>, one row per prompt).</summary>
/// <param name="PromptId">The prompt's id.</param>
/// <param name="Kind">Prompt kind name (<c>PodSwap</c>, <c>ClearJam</c>, <c>TakeExceptionItem</c>).</param>
/// <param name="Operator">Who acknowledged.</param>
/// <param name="Channel">Where it came from: <c>mqtt</c> or <c>hmi</c>.</param>
/// <param name="Response">Free text response (may be empty).</param>
/// <param name="IssuedAt">UTC time the prompt was issued.</param>
/// <param name="At">UTC time the cell accepted the acknowledgement.</param>
public sealed record OperatorAckRecord(
    string PromptId, string Kind, string Operator, string Channel, string Response, DateTimeOffset IssuedAt, DateTimeOffset At);
