namespace Stow.Hardware.Modbus;

/// <summary>Outcome of one Modbus RTU transaction or of parsing one response frame.</summary>
public enum ModbusStatus
{
    /// <summary>A valid response that matches the request.</summary>
    Ok,

    /// <summary>The server answered with an exception code (see <see cref="ModbusResult.ExceptionCode"/>).</summary>
    ExceptionResponse,

    /// <summary>Nothing came back within the response timeout.</summary>
    Timeout,

    /// <summary>A response started but stopped before its expected length (silence mid-frame).</summary>
    Truncated,

    /// <summary>A complete frame whose CRC is wrong.</summary>
    CrcError,

    /// <summary>Bytes that are not a response to this request (wrong unit or function, noise).</summary>
    Garbage,

    /// <summary>A frame with a valid CRC whose content does not match the request (byte count, echo).</summary>
    UnexpectedResponse,

    /// <summary>The serial device went away or failed; the master reopens it on the next attempt.</summary>
    Disconnected,

    /// <summary>Not attempted: the master is faulted after persistent errors (<see cref="ModbusRtuMaster.ResetFault"/>).</summary>
    Faulted,
}
