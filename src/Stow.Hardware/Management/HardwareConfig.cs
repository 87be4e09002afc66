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
    /// <exception cref="HardwareConfigException">Two components share a name.</exception>
    public HardwareConfig(IReadOnlyList<ComponentConfig> components)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in components)
        {
            if (!seen.Add(c.Name))
            {
                throw new HardwareConfigException($"hardware component name '{c.Name}' is used twice", c.Path + ":name", c.Name);
            }
        }

        Components = components;
    }

    /// <summary>Components in cycle order.</summary>
    public IReadOnlyList<ComponentConfig> Components { get; }

    /// <summary>Parses a whole cell configuration document and takes its <c>hardware</c> section.</summary>
    /// <param name="json">JSON text with a top-level <c>hardware</c> object.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="HardwareConfigException">The section is missing or malformed (message and <see cref="HardwareConfigException.Field"/> name the problem).</exception>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static HardwareConfig Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("hardware", out var hw) || hw.ValueKind != JsonValueKind.Object)
        {
            throw new HardwareConfigException("configuration has no 'hardware' object", "hardware", string.Empty);
        }

        if (!hw.TryGetProperty("components", out var arr) || arr.ValueKind != JsonValueKind.Array)
        {
            throw new HardwareConfigException("'hardware' has no 'components' array", "hardware:components", string.Empty);
        }

        var list = new List<ComponentConfig>();
        var index = 0;
        foreach (var e in arr.EnumerateArray())
        {
            var path = "hardware:components:" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            index++;
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw new HardwareConfigException("every hardware component must be an object with a 'name' and a 'type'", path, string.Empty);
            }

            var name = e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var type = e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new HardwareConfigException("every hardware component needs a 'name' string", path + ":name", string.Empty);
            }

            if (string.IsNullOrWhiteSpace(type))
            {
                throw new HardwareConfigException($"hardware component '{name}' needs a 'type' string", path + ":type", name);
            }

            e.TryGetProperty("params", out var p);
            list.Add(new ComponentConfig(name, type, p, path));
        }

        return new HardwareConfig(list);
    }
}
