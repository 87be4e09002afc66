namespace Stow.Hardware.Ur.Rtde;

/// <summary>Wire names and sizes of <see cref="RtdeType"/> (RTDE guide, "Data types").</summary>
public static class RtdeTypes
{
    /// <summary>The type's name as in a setup reply ("DOUBLE", "VECTOR6D", "NOT_FOUND", ...).</summary>
    /// <param name="type">The type.</param>
    /// <returns>Its wire name.</returns>
    public static string Name(RtdeType type) => type switch
    {
        RtdeType.Bool => "BOOL",
        RtdeType.UInt8 => "UINT8",
        RtdeType.UInt32 => "UINT32",
        RtdeType.UInt64 => "UINT64",
        RtdeType.Int32 => "INT32",
        RtdeType.Double => "DOUBLE",
        RtdeType.Vector3D => "VECTOR3D",
        RtdeType.Vector6D => "VECTOR6D",
        RtdeType.Vector6Int32 => "VECTOR6INT32",
        RtdeType.Vector6UInt32 => "VECTOR6UINT32",
        RtdeType.NotFound => "NOT_FOUND",
        _ => "IN_USE",
    };

    /// <summary>Parses a wire name.</summary>
    /// <param name="name">The name (exact case).</param>
    /// <param name="type">The type when known.</param>
    /// <returns>True when the name is a known type or NOT_FOUND / IN_USE.</returns>
    public static bool TryParse(ReadOnlySpan<char> name, out RtdeType type)
    {
        for (var t = RtdeType.Bool; t <= RtdeType.InUse; t++)
        {
            if (name.SequenceEqual(Name(t)))
            {
                type = t;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>Size of a value of the type on the wire [bytes]; 0 for NOT_FOUND and IN_USE.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Bytes.</returns>
    public static int Size(RtdeType type) => type switch
    {
        RtdeType.Bool or RtdeType.UInt8 => 1,
        RtdeType.UInt32 or RtdeType.Int32 => 4,
        RtdeType.UInt64 or RtdeType.Double => 8,
        RtdeType.Vector3D => 24,
        RtdeType.Vector6D => 48,
        RtdeType.Vector6Int32 or RtdeType.Vector6UInt32 => 24,
        _ => 0,
    };
}
