namespace Stow.Hardware.Serial;

/// <summary>Parity bit of a serial line.</summary>
public enum SerialParity
{
    /// <summary>No parity bit (Modbus RTU then requires two stop bits).</summary>
    None,

    /// <summary>Even parity (the Modbus RTU default, Modbus over Serial Line v1.02 §2.5.1).</summary>
    Even,

    /// <summary>Odd parity.</summary>
    Odd,
}
