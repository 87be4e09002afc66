namespace Stow.Cell.Mqtt;

/// <summary>An incoming message was rejected (malformed, unknown, wrong schema) and changed nothing.</summary>
/// <param name="Topic">Topic it arrived on.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="PayloadPreview">At most the first 200 characters of the payload, for the log.</param>
public sealed record PayloadRejectedEventArgs(string Topic, string Reason, string PayloadPreview);
