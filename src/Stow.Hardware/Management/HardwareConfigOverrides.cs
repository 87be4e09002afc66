using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stow.Hardware.Management;

/// <summary>
/// Replaces component parameters of a configuration's <c>hardware</c> section from the command line, so that one
/// configuration file serves on other endpoints (pty paths, TCP ports) without being copied: each override is
/// <c>COMPONENT.PARAM=VALUE</c> (e.g. <c>eoat.device=/tmp/x/eoat.tty</c>, <c>arm.rtdePort=40004</c>); a value that
/// parses as a number is written as a JSON number, <c>true</c>/<c>false</c> as a boolean, anything else as a string.
/// Stateless; thread-safe.
/// </summary>
public static class HardwareConfigOverrides
{
    /// <summary>Parses <c>COMPONENT.PARAM=VALUE</c> texts into (<c>COMPONENT.PARAM</c>, <c>VALUE</c>) pairs.</summary>
    /// <param name="texts">The texts.</param>
    /// <returns>The pairs, in order (a later one wins).</returns>
    /// <exception cref="HardwareConfigException">A text is not of that form (the message quotes it).</exception>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in texts)
        {
            var eq = t.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? t[..eq] : string.Empty;
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == key.Length - 1)
            {
                throw new HardwareConfigException($"endpoint override '{t}' is not COMPONENT.PARAM=VALUE");
            }

            result[key] = t[(eq + 1)..];
        }

        return result;
    }

    /// <summary>Applies <paramref name="overrides"/> to the <c>hardware</c> section of <paramref name="configJson"/>.</summary>
    /// <param name="configJson">A configuration with a <c>hardware.components</c> array.</param>
    /// <param name="overrides">(<c>COMPONENT.PARAM</c>, <c>VALUE</c>) pairs.</param>
    /// <returns>The configuration text with the parameters replaced (unchanged when there are none).</returns>
    /// <exception cref="HardwareConfigException">The text is not JSON with that array, or an override names no component of
    /// it (the message names the override and the components).</exception>
    public static string Apply(string configJson, IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(configJson);
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.Count == 0)
        {
            return configJson;
        }

        JsonArray components;
        JsonNode root;
        try
        {
            root = JsonNode.Parse(configJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
                ?? throw new HardwareConfigException("the configuration is empty");
            components = root["hardware"]?["components"] as JsonArray ?? throw new HardwareConfigException("the configuration has no hardware.components array");
        }
        catch (JsonException e)
        {
            throw new HardwareConfigException("the configuration is not valid JSON: " + e.Message, e);
        }

        foreach (var (key, value) in overrides)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            var name = key[..dot];
            var param = key[(dot + 1)..];
            var component = components.OfType<JsonObject>().FirstOrDefault(c => (string?)c["name"] == name)
                ?? throw new HardwareConfigException(
                    $"endpoint override '{key}': no hardware component named '{name}' (have: {string.Join(", ", components.OfType<JsonObject>().Select(c => (string?)c["name"]))})",
                    "hardware:components", name);
            if (component["params"] is not JsonObject parameters)
            {
                parameters = [];
                component["params"] = parameters;
            }

            parameters[param] = ValueOf(value);
        }

        return root.ToJsonString();
    }

    private static JsonNode ValueOf(string value)
    {
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        return value is "true" or "false" ? JsonValue.Create(value == "true") : JsonValue.Create(value);
    }
}
