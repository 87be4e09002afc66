using System.Text;

namespace Stow.Hardware.Ur.Rtde;

/// <summary>
/// A configured recipe: its id, fields in order, and the payload size of a data package carrying it (excluding the
/// header and the recipe id byte). Immutable; thread-safe.
/// </summary>
public sealed class RtdeRecipe
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="id">Recipe id (1..255 as assigned by the controller).</param>
    /// <param name="fields">Fields in package order.</param>
    public RtdeRecipe(byte id, IReadOnlyList<RtdeField> fields)
    {
        Id = id;
        Fields = [.. fields];
        PayloadSize = Fields.Sum(f => RtdeTypes.Size(f.Type));
    }

    /// <summary>Recipe id.</summary>
    public byte Id { get; }

    /// <summary>Fields in package order.</summary>
    public RtdeField[] Fields { get; }

    /// <summary>Bytes of field data in one data package (without header and recipe id).</summary>
    public int PayloadSize { get; }

    /// <summary>Size of a whole data package carrying this recipe: header (3) + recipe id (1) + fields.</summary>
    public int PackageSize => RtdePackets.HeaderSize + 1 + PayloadSize;

    /// <summary>The comma-separated type names of a setup reply ("DOUBLE,VECTOR6D,...").</summary>
    /// <returns>The list.</returns>
    public string TypeList()
    {
        var sb = new StringBuilder();
        foreach (var f in Fields)
        {
            if (sb.Length > 0)
            {
                sb.Append(',');
            }

            sb.Append(RtdeTypes.Name(f.Type));
        }

        return sb.ToString();
    }
}
