namespace Stow.Hardware.Modbus;

/// <summary>
/// CRC-16/MODBUS (polynomial 0x8005 reflected as 0xA001, initial value 0xFFFF, no final XOR; Modbus over Serial Line
/// v1.02 §6.2.2). On the wire the low byte goes first. Stateless and thread-safe.
/// </summary>
public static class ModbusCrc
{
    private static readonly ushort[] Table = BuildTable();

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ b) & 0xFF]);
        }

        return crc;
    }

    /// <summary>Writes the CRC of <paramref name="frame"/>[..<paramref name="length"/>] at that index (low byte first); returns length + 2.</summary>
    /// <exception cref="ArgumentException">No room for two more bytes.</exception>
    public static int Append(Span<byte> frame, int length)
    {
        if (frame.Length < length + 2)
        {
            throw new ArgumentException("no room for the CRC", nameof(frame));
        }

        var crc = Compute(frame[..length]);
        frame[length] = (byte)(crc & 0xFF);
        frame[length + 1] = (byte)(crc >> 8);
        return length + 2;
    }

    /// <summary>True when the last two bytes of <paramref name="frame"/> are the CRC of the rest (frame ≥ 3 bytes).</summary>
    public static bool IsValid(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < 3)
        {
            return false;
        }

        var crc = Compute(frame[..^2]);
        return frame[^2] == (byte)(crc & 0xFF) && frame[^1] == (byte)(crc >> 8);
    }

    private static ushort[] BuildTable()
    {
        var t = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var c = (ushort)i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (ushort)((c >> 1) ^ 0xA001) : (ushort)(c >> 1);
            }

            t[i] = c;
        }

        return t;
    }
}
