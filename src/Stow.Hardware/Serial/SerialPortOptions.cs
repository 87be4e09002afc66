namespace Stow.Hardware.Serial;

/// <summary>
/// Settings of one serial line. Immutable. Character format is always 8 data bits (Modbus RTU), no flow control.
/// </summary>
/// <param name="Device">Device path, e.g. <c>/dev/ttyUSB0</c> or a socat pty link.</param>
/// <param name="BaudRate">Bits per second; one of the standard rates 1200..230400.</param>
/// <param name="Parity">Parity bit.</param>
/// <param name="StopBits">1 or 2.</param>
public sealed record SerialPortOptions(string Device, int BaudRate = 19200, SerialParity Parity = SerialParity.Even, int StopBits = 1)
{
    /// <summary>Bits on the wire per character: start + 8 data + parity (0/1) + stop bits.</summary>
    public int BitsPerCharacter => 1 + 8 + (Parity == SerialParity.None ? 0 : 1) + StopBits;

    /// <summary>Time to send one character at <see cref="BaudRate"/> [s].</summary>
    public double CharacterTime => (double)BitsPerCharacter / BaudRate;
}
