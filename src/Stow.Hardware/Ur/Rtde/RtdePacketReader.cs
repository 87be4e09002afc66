using System.Buffers.Binary;
using System.Net.Sockets;

namespace Stow.Hardware.Ur.Rtde;

/// <summary>
/// Reads whole RTDE packages off a connected socket into one preallocated buffer (no allocation per package): the
/// 3-byte header, then exactly <c>size − 3</c> payload bytes. A size below 3 or an unknown type is reported without
/// reading further: the stream cannot be re-synchronised, so the caller resets the connection.
/// Threading: one reader thread per instance.
/// </summary>
public sealed class RtdePacketReader
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[RtdePackets.MaxPackageSize];

    /// <summary>Creates a reader on a connected socket.</summary>
    /// <param name="socket">The connection (blocking).</param>
    public RtdePacketReader(Socket socket) => _socket = socket;

    /// <summary>Type of the last package read.</summary>
    public RtdeCommand Command { get; private set; }

    /// <summary>Payload of the last package read (valid until the next read).</summary>
    public ReadOnlySpan<byte> Payload => _buffer.AsSpan(RtdePackets.HeaderSize, PayloadLength);

    /// <summary>Length of the last payload [bytes].</summary>
    public int PayloadLength { get; private set; }

    /// <summary>The raw type byte of the last header (for diagnostics of an unknown type).</summary>
    public byte RawType { get; private set; }

    /// <summary>Reads the next package, blocking.</summary>
    /// <returns>The outcome.</returns>
    /// <exception cref="SocketException">The socket failed (reset, timeout).</exception>
    /// <exception cref="ObjectDisposedException">The socket was closed by another thread.</exception>
    public RtdeReadResult Read()
    {
        var got = Fill(0, RtdePackets.HeaderSize);
        if (got == 0)
        {
            return RtdeReadResult.Closed;
        }

        if (got < RtdePackets.HeaderSize)
        {
            return RtdeReadResult.Truncated;
        }

        int size = BinaryPrimitives.ReadUInt16BigEndian(_buffer);
        RawType = _buffer[2];
        if (size < RtdePackets.HeaderSize)
        {
            return RtdeReadResult.WrongSize;
        }

        if (!RtdePackets.IsKnownType(RawType))
        {
            return RtdeReadResult.UnknownType;
        }

        var want = size - RtdePackets.HeaderSize;
        if (Fill(RtdePackets.HeaderSize, want) < want)
        {
            return RtdeReadResult.Truncated;
        }

        Command = (RtdeCommand)RawType;
        PayloadLength = want;
        return RtdeReadResult.Ok;
    }

    private int Fill(int offset, int count)
    {
        var done = 0;
        while (done < count)
        {
            var n = _socket.Receive(_buffer.AsSpan(offset + done, count - done), SocketFlags.None);
            if (n == 0)
            {
                break;
            }

            done += n;
        }

        return done;
    }
}
