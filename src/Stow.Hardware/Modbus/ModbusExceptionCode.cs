namespace Stow.Hardware.Modbus;

/// <summary>Exception codes a server returns with function | 0x80 (Modbus Application Protocol v1.1b3 §7).</summary>
public enum ModbusExceptionCode : byte
{
    /// <summary>No exception.</summary>
    None = 0,

    /// <summary>01: function not supported.</summary>
    IllegalFunction = 0x01,

    /// <summary>02: register address out of range.</summary>
    IllegalDataAddress = 0x02,

    /// <summary>03: a value in the request is not allowed (e.g. the quantity).</summary>
    IllegalDataValue = 0x03,

    /// <summary>04: unrecoverable error in the server while acting.</summary>
    ServerDeviceFailure = 0x04,

    /// <summary>05: accepted, long action under way.</summary>
    Acknowledge = 0x05,

    /// <summary>06: busy with a long action; retry later.</summary>
    ServerDeviceBusy = 0x06,

    /// <summary>08: memory parity error.</summary>
    MemoryParityError = 0x08,

    /// <summary>0A: gateway path unavailable.</summary>
    GatewayPathUnavailable = 0x0A,

    /// <summary>0B: gateway target failed to respond.</summary>
    GatewayTargetFailedToRespond = 0x0B,
}
