namespace Stow.Hardware.Modbus;

/// <summary>
/// Converts SI values to and from 16-bit register counts with a fixed resolution (counts = value / resolution,
/// rounded to nearest). Refuses values that do not fit rather than clamping or wrapping, so a driver never sends a
/// value other than the one asked for. Pure functions; thread-safe.
/// </summary>
public static class RegisterScaling
{
    /// <summary>Encodes an unsigned value (0..65535 counts).</summary>
    /// <param name="value">SI value, finite and ≥ 0.</param>
    /// <param name="resolution">SI value of one count, &gt; 0 (e.g. 1e-4 m for 0.1 mm).</param>
    /// <param name="register">The register on success.</param>
    /// <returns>False when the value is not finite or out of range.</returns>
    public static bool TryEncodeUnsigned(double value, double resolution, out ushort register)
    {
        register = 0;
        var counts = Math.Round(value / resolution, MidpointRounding.AwayFromZero);
        if (!double.IsFinite(counts) || counts < 0 || counts > ushort.MaxValue)
        {
            return false;
        }

        register = (ushort)counts;
        return true;
    }

    /// <summary>Encodes a signed value (−32768..32767 counts, two's complement on the wire).</summary>
    /// <returns>False when the value is not finite or out of range.</returns>
    public static bool TryEncodeSigned(double value, double resolution, out ushort register)
    {
        register = 0;
        var counts = Math.Round(value / resolution, MidpointRounding.AwayFromZero);
        if (!double.IsFinite(counts) || counts < short.MinValue || counts > short.MaxValue)
        {
            return false;
        }

        register = unchecked((ushort)(short)counts);
        return true;
    }

    /// <summary>Decodes an unsigned register to SI.</summary>
    public static double DecodeUnsigned(ushort register, double resolution) => register * resolution;

    /// <summary>Decodes a two's-complement register to SI.</summary>
    public static double DecodeSigned(ushort register, double resolution) => unchecked((short)register) * resolution;
}
