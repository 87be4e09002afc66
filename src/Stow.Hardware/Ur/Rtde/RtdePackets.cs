using System.Buffers.Binary;
using System.Text;

namespace Stow.Hardware.Ur.Rtde;

/// <summary>
/// Framing of RTDE packages (RTDE guide, "Header"): every package starts with uint16 size (of the whole package,
/// header included, big-endian) and uint8 type (<see cref="RtdeCommand"/>); the payload follows. Helpers here write
/// headers and the fixed-layout payloads; they never allocate unless they return a string.
/// </summary>
public static class RtdePackets
{
    /// <summary>Header size [bytes]: uint16 size + uint8 type.</summary>
    public const int HeaderSize = 3;

    /// <summary>Largest package the 16-bit size field can describe [bytes].</summary>
    public const int MaxPackageSize = ushort.MaxValue;

    /// <summary>The protocol version this project speaks.</summary>
    public const ushort ProtocolVersion = 2;

    /// <summary>Writes a header.</summary>
    /// <param name="dst">At least 3 bytes.</param>
    /// <param name="size">Whole package size, 3..65535.</param>
    /// <param name="command">Package type.</param>
    public static void WriteHeader(Span<byte> dst, int size, RtdeCommand command)
    {
        BinaryPrimitives.WriteUInt16BigEndian(dst, checked((ushort)size));
        dst[2] = (byte)command;
    }

    /// <summary>Whether a byte is a known package type.</summary>
    /// <param name="type">Third header byte.</param>
    /// <returns>True for the types of <see cref="RtdeCommand"/>.</returns>
    public static bool IsKnownType(byte type) => type is (byte)RtdeCommand.RequestProtocolVersion or (byte)RtdeCommand.GetUrControlVersion
        or (byte)RtdeCommand.TextMessage or (byte)RtdeCommand.DataPackage or (byte)RtdeCommand.ControlPackageSetupOutputs
        or (byte)RtdeCommand.ControlPackageSetupInputs or (byte)RtdeCommand.ControlPackageStart or (byte)RtdeCommand.ControlPackagePause;

    /// <summary>Builds a whole package from a payload.</summary>
    /// <param name="command">Type.</param>
    /// <param name="payload">Payload bytes.</param>
    /// <returns>Header + payload.</returns>
    /// <exception cref="ArgumentException">The package would exceed 65535 bytes.</exception>
    public static byte[] Build(RtdeCommand command, ReadOnlySpan<byte> payload)
    {
        if (payload.Length + HeaderSize > MaxPackageSize)
        {
            throw new ArgumentException("an RTDE package holds at most 65535 bytes", nameof(payload));
        }

        var p = new byte[HeaderSize + payload.Length];
        WriteHeader(p, p.Length, command);
        payload.CopyTo(p.AsSpan(HeaderSize));
        return p;
    }

    /// <summary>A version-2 text message package (RTDE_TEXT_MESSAGE): uint8 length, message, uint8 length, source, uint8 level.</summary>
    /// <param name="message">Message, at most 255 UTF-8 bytes (longer is cut).</param>
    /// <param name="source">Source, at most 255 bytes.</param>
    /// <param name="level">Warning level.</param>
    /// <returns>The package.</returns>
    public static byte[] TextMessage(string message, string source, RtdeMessageLevel level)
    {
        var m = Cut(Encoding.UTF8.GetBytes(message));
        var s = Cut(Encoding.UTF8.GetBytes(source));
        var payload = new byte[m.Length + s.Length + 3];
        payload[0] = (byte)m.Length;
        m.CopyTo(payload, 1);
        payload[1 + m.Length] = (byte)s.Length;
        s.CopyTo(payload, 2 + m.Length);
        payload[^1] = (byte)level;
        return Build(RtdeCommand.TextMessage, payload);
    }

    /// <summary>Parses a version-2 text message payload.</summary>
    /// <param name="payload">The payload.</param>
    /// <param name="message">The decoded message.</param>
    /// <returns>False when the lengths do not fit the payload.</returns>
    public static bool TryParseTextMessage(ReadOnlySpan<byte> payload, out RtdeTextMessage message)
    {
        message = default;
        if (payload.Length < 3)
        {
            return false;
        }

        int ml = payload[0];
        if (payload.Length < 1 + ml + 2)
        {
            return false;
        }

        int sl = payload[1 + ml];
        if (payload.Length != 1 + ml + 1 + sl + 1)
        {
            return false;
        }

        message = new RtdeTextMessage(
            Encoding.UTF8.GetString(payload.Slice(1, ml)),
            Encoding.UTF8.GetString(payload.Slice(2 + ml, sl)),
            (RtdeMessageLevel)payload[^1]);
        return true;
    }

    private static byte[] Cut(byte[] b) => b.Length <= 255 ? b : b[..255];
}
