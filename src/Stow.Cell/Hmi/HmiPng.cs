using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Stow.Cell.Hmi;

/// <summary>
/// Writes an <see cref="HmiFrame"/> as an 8-bit RGB PNG (ISO/IEC 15948: signature, IHDR, one zlib IDAT with filter 0
/// rows, IEND; CRC-32 of ISO 3309) with the band mask tinted in magenta where its probability exceeds 0.5.
/// Stateless and thread-safe.
/// </summary>
public static class HmiPng
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Encodes <paramref name="frame"/> with its band mask drawn in.</summary>
    /// <exception cref="ArgumentException">Buffer sizes do not match the width and height.</exception>
    public static byte[] EncodeWithMask(HmiFrame frame)
    {
        int w = frame.Width, h = frame.Height;
        if (w <= 0 || h <= 0 || frame.Rgb.Length != w * h * 3 || (frame.BandMask is { } m && m.Length != w * h))
        {
            throw new ArgumentException($"frame {w}x{h}: RGB has {frame.Rgb.Length} bytes (want {w * h * 3}), mask {frame.BandMask?.Length} values (want {w * h})", nameof(frame));
        }

        var raw = new byte[h * ((w * 3) + 1)];
        for (var y = 0; y < h; y++)
        {
            var row = y * ((w * 3) + 1);
            raw[row] = 0; // filter: none
            for (var x = 0; x < w; x++)
            {
                int s = ((y * w) + x) * 3, d = row + 1 + (x * 3);
                byte r = frame.Rgb[s], g = frame.Rgb[s + 1], b = frame.Rgb[s + 2];
                if (frame.BandMask is { } mask && mask[(y * w) + x] > 0.5f)
                {
                    (r, g, b) = ((byte)((r + 255) / 2), (byte)(g / 2), (byte)((b + 255) / 2));
                }

                (raw[d], raw[d + 1], raw[d + 2]) = (r, g, b);
            }
        }

        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(raw);
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, w);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), h);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type: truecolour
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        s.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typeBytes.Concat(data))
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        BinaryPrimitives.WriteUInt32BigEndian(word, crc ^ 0xFFFFFFFFu);
        s.Write(word);
    }

    private static uint[] BuildCrcTable()
    {
        var t = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            t[n] = c;
        }

        return t;
    }
}
