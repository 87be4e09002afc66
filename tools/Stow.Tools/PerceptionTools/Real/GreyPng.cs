using System.Buffers.Binary;
using System.IO.Compression;

namespace Stow.Tools.PerceptionTools.Real;

/// <summary>
/// Decodes non-interlaced greyscale PNGs of 8 or 16 bits per sample with any PNG row filter
/// (Magick.NET-Q8 would cut 16-bit samples to 8 bits). Stateless.
/// </summary>
public static class GreyPng
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Reads the samples, row-major (8-bit samples are returned unscaled, 0..255).</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="width">Width [px].</param>
    /// <param name="height">Height [px].</param>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a greyscale 8/16-bit non-interlaced PNG; the message names the file.</exception>
    public static ushort[] Read(string path, out int width, out int height)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: file is missing", path);
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8 || !bytes.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{path}: not a PNG");
        }

        width = height = 0;
        var bits = 0;
        using var idat = new MemoryStream();
        var p = 8;
        while (p + 8 <= bytes.Length)
        {
            var len = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(p));
            if (len < 0 || p + 12 + len > bytes.Length)
            {
                throw new InvalidDataException($"{path}: truncated PNG chunk at byte {p}");
            }

            var type = bytes.AsSpan(p + 4, 4);
            var data = bytes.AsSpan(p + 8, len);
            if (type.SequenceEqual("IHDR"u8))
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                bits = data[8];
                if ((bits != 8 && bits != 16) || data[9] != 0 || data[12] != 0)
                {
                    throw new InvalidDataException($"{path}: {bits}-bit PNG of colour type {data[9]}, interlace {data[12]}; only non-interlaced 8/16-bit grey is read");
                }
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(data);
            }

            p += 12 + len;
        }

        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException($"{path}: no IHDR chunk");
        }

        var bpp = bits / 8;
        var stride = width * bpp;
        idat.Position = 0;
        var raw = new byte[height * (stride + 1)];
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            try
            {
                z.ReadExactly(raw);
            }
            catch (EndOfStreamException e)
            {
                throw new InvalidDataException($"{path}: image data shorter than {width}x{height}", e);
            }
        }

        var prev = new byte[stride];
        var cur = new byte[stride];
        var pixels = new ushort[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = y * (stride + 1);
            var filter = raw[row];
            raw.AsSpan(row + 1, stride).CopyTo(cur);
            Unfilter(filter, cur, prev, bpp, path, y);
            for (var x = 0; x < width; x++)
            {
                pixels[(y * width) + x] = bpp == 2 ? BinaryPrimitives.ReadUInt16BigEndian(cur.AsSpan(x * 2)) : cur[x];
            }

            (prev, cur) = (cur, prev);
        }

        return pixels;
    }

    private static void Unfilter(byte filter, byte[] cur, byte[] prev, int bpp, string path, int y)
    {
        for (var i = 0; i < cur.Length; i++)
        {
            int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
            cur[i] = filter switch
            {
                0 => cur[i],
                1 => (byte)(cur[i] + a),
                2 => (byte)(cur[i] + b),
                3 => (byte)(cur[i] + ((a + b) >> 1)),
                4 => (byte)(cur[i] + Paeth(a, b, c)),
                _ => throw new InvalidDataException($"{path}: row {y} has unknown PNG filter {filter}"),
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
