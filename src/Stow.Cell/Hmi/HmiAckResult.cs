namespace Stow.Cell.Hmi;

/// <summary>What became of an acknowledgement sent from the HMI.</summary>
public enum HmiAckResult
{
    /// <summary>The prompt was pending and is now acknowledged (HTTP 200).</summary>
    Acknowledged = 1,

    /// <summary>No such prompt is pending: unknown, or already acknowledged on another channel (HTTP 404).</summary>
    NotPending = 2,

    /// <summary>No shift is attached to the HMI (HTTP 503).</summary>
    NoShift = 3,
}
