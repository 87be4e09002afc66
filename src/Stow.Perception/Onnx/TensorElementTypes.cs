namespace Stow.Perception.Onnx;

/// <summary>Manifest names and byte sizes of <see cref="TensorElementType"/> values. Stateless and thread-safe.</summary>
public static class TensorElementTypes
{
    private static readonly string[] Names =
    [
        "undefined", "float32", "uint8", "int8", "uint16", "int16", "int32", "int64", "string", "bool",
        "float16", "float64", "uint32", "uint64", "complex64", "complex128", "bfloat16",
    ];

    /// <summary>The names accepted in a manifest, comma-separated (for error messages).</summary>
    public static string KnownNames => string.Join(", ", Names.Skip(1));

    /// <summary>The manifest name of <paramref name="type"/>, e.g. "float32".</summary>
    public static string ToManifestName(this TensorElementType type)
    {
        int i = (int)type;
        return i >= 0 && i < Names.Length ? Names[i] : $"type{i}";
    }

    /// <summary>Parses a manifest name ("float32", "uint8", "int64", ...; also "float" and "double").</summary>
    /// <returns>False when the name is unknown.</returns>
    public static bool TryParse(string name, out TensorElementType type)
    {
        string n = name.Trim().ToLowerInvariant();
        n = n switch
        {
            "float" => "float32",
            "double" => "float64",
            _ => n,
        };
        int i = Array.IndexOf(Names, n);
        type = i > 0 ? (TensorElementType)i : TensorElementType.Undefined;
        return i > 0;
    }

    /// <summary>Bytes per element for the types a bound buffer supports; 0 for the others.</summary>
    public static int BindableByteSize(this TensorElementType type) => type switch
    {
        TensorElementType.Float32 => sizeof(float),
        TensorElementType.UInt8 => sizeof(byte),
        TensorElementType.Int64 => sizeof(long),
        _ => 0,
    };
}
