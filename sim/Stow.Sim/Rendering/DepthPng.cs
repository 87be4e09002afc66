namespace Stow.Sim.Rendering;

using System.Buffers.Binary;
using System.IO.Compression;

/// <summary>
/// Minimal 16-bit greyscale PNG writer and reader (PNG spec, W3C 2003: IHDR colour type 0, bit
/// depth 16, big-endian samples, filter 0, zlib IDAT). Exists because the Magick.NET build the project
/// pins is Q8 (8-bit quantum): it would cut depth in millimetres to 8 bits. Stateless, thread-safe.
/// </summary>
public static class DepthPng
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Writes a 16-bit greyscale PNG (e.g. depth in millimetres).</summary>
    /// <param name="path">File to create or overwrite.</param>
    /// <param name="pixels">Row-major samples, length <paramref name="width"/>·<paramref name="height"/>.</param>
    /// <param name="width">Width [px].</param>
    /// <param name="height">Height [px].</param>
    /// <exception cref="ArgumentException">The array length does not match the size.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(string path, ushort[] pixels, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (width <= 0 || height <= 0 || pixels.Length != width * height)
        {
            throw new ArgumentException($"expected {width}x{height} samples, got {pixels.Length}", nameof(pixels));
        }

        var raw = new byte[height * ((width * 2) + 1)];
        var k = 0;
        for (var y = 0; y < height; y++)
        {
            raw[k++] = 0;
            for (var x = 0; x < width; x++)
            {
                BinaryPrimitives.WriteUInt16BigEndian(raw.AsSpan(k), pixels[(y * width) + x]);
                k += 2;
            }
        }

        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(raw);
        }

        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 16;
        using var file = File.Create(path);
        file.Write(Signature);
        WriteChunk(file, "IHDR"u8, ihdr);
        WriteChunk(file, "IDAT"u8, compressed.ToArray());
        WriteChunk(file, "IEND"u8, []);
    }

    /// <summary>Reads a PNG written by <see cref="Write"/> (16-bit grey, filter 0 on every row).</summary>
    /// <param name="path">The file.</param>
    /// <param name="width">Width [px].</param>
    /// <param name="height">Height [px].</param>
    /// <returns>Row-major samples.</returns>
    /// <exception cref="InvalidDataException">Not such a PNG.</exception>
    public static ushort[] Read(string path, out int width, out int height)
    {
        var bytes = File.ReadAllBytes(path);
        if (!bytes.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{path}: not a PNG");
        }

        width = height = 0;
        using var idat = new MemoryStream();
        var p = 8;
        while (p + 8 <= bytes.Length)
        {
            var len = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(p));
            var type = bytes.AsSpan(p + 4, 4);
            var data = bytes.AsSpan(p + 8, len);
            if (type.SequenceEqual("IHDR"u8))
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 16 || data[9] != 0)
                {
                    throw new InvalidDataException($"{path}: not a 16-bit grey PNG");
                }
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(data);
            }

            p += 12 + len;
        }

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new byte[height * ((width * 2) + 1)];
        z.ReadExactly(raw);
        var pixels = new ushort[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 2) + 1);
            if (raw[row] != 0)
            {
                throw new InvalidDataException($"{path}: row {y} uses PNG filter {raw[row]}, only 0 is read");
            }

            for (var x = 0; x < width; x++)
            {
                pixels[(y * width) + x] = BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(row + 1 + (x * 2)));
            }
        }

        return pixels;
    }

    private static void WriteChunk(Stream s, ReadOnlySpan<byte> type, byte[] data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        type.CopyTo(head[4..]);
        s.Write(head);
        s.Write(data);
        var crc = Crc(Crc(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu;
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        s.Write(tail);
    }

    private static uint Crc(uint c, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c;
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
