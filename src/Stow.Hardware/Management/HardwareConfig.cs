using System.Text.Json;

namespace Stow.Hardware.Management;

/// <summary>
/// The hardware section of a cell configuration:
/// <c>{"hardware":{"components":[{"name":"arm","type":"sim.arm","params":{...}}, ...]}}</c>.
/// Order of components is the order of <c>Read</c>/<c>Write</c> in the cycle. Immutable.
/// </summary>
public sealed class HardwareConfig
{
    /// <summary>Creates a configuration.</summary>
    /// <param name="components">Components in cycle order; names must be unique.</param>
    /// <exception cref="FormatException">Two components share a name.</exception>
    public HardwareConfig(IReadOnlyList<ComponentConfig> components)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in components)
        {
            if (!seen.Add(c.Name))
            {
                throw new FormatException($"hardware component name '{c.Name}' is used twice");
            }
        }

        Components = components;
    }

    /// <summary>Components in cycle order.</summary>
    public IReadOnlyList<ComponentConfig> Components { get; }

    /// <summary>Parses a whole cell configuration document and takes its <c>hardware</c> section.</summary>
    /// <param name="json">JSON text with a top-level <c>hardware</c> object.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="FormatException">The section is missing or malformed (message names the problem).</exception>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static HardwareConfig Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("hardware", out var hw) || hw.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("configuration has no 'hardware' object");
        }

        if (!hw.TryGetProperty("components", out var arr) || arr.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("'hardware' has no 'components' array");
        }

        var list = new List<ComponentConfig>();
        foreach (var e in arr.EnumerateArray())
        {
            var name = e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var type = e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(type))
            {
                throw new FormatException("every hardware component needs a 'name' and a 'type' string");
            }

            e.TryGetProperty("params", out var p);
            list.Add(new ComponentConfig(name, type, p));
        }

        return new HardwareConfig(list);
    }
}
