using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Stow.Tools.PerceptionTools;

/// <summary>
/// Writes float32 arrays in NumPy's <c>.npy</c> format version 1.0 (little-endian <c>&lt;f4</c>, C order),
/// as specified in numpy/lib/format.py ("NEP 1"). Used to hand simulator datasets to the training
/// scripts. Stateless; thread-safe.
/// </summary>
public static class NpyWriter
{
    /// <summary>Writes <paramref name="data"/> with <paramref name="shape"/>.</summary>
    /// <exception cref="ArgumentException">The shape's product differs from the data length.</exception>
    public static void Write(string path, ReadOnlySpan<float> data, params int[] shape)
    {
        long n = 1;
        foreach (var s in shape)
        {
            n *= s;
        }

        if (n != data.Length)
        {
            throw new ArgumentException($"shape ({string.Join(",", shape)}) holds {n} values, data has {data.Length}");
        }

        var dims = shape.Length == 1 ? shape[0].ToString(CultureInfo.InvariantCulture) + "," : string.Join(", ", shape);
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
        // Magic (6) + version (2) + header length (2) + header, padded with spaces to a multiple of 64, ending in '\n'.
        var total = 10 + header.Length + 1;
        var pad = (64 - (total % 64)) % 64;
        header = header + new string(' ', pad) + "\n";
        using var fs = File.Create(path);
        fs.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        var len = (ushort)header.Length;
        fs.Write([(byte)(len & 0xFF), (byte)(len >> 8)]);
        fs.Write(Encoding.ASCII.GetBytes(header));
        fs.Write(MemoryMarshal.AsBytes(data));
    }
}
