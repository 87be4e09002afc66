using System.Globalization;
using System.Text.Json;

namespace Stow.Hardware.Management;

/// <summary>
/// One entry of the <c>hardware.components</c> configuration array:
/// <c>{"name":"arm","type":"sim.arm","params":{...}}</c>. Parameter values are SI.
/// Immutable; safe to share between threads.
/// </summary>
public sealed class ComponentConfig
{
    private readonly JsonElement _params;

    /// <summary>Creates an entry.</summary>
    /// <param name="name">Unique component name.</param>
    /// <param name="type">Factory key in the <see cref="HardwareRegistry"/> (e.g. "sim.arm").</param>
    /// <param name="parameters">The "params" object (or an undefined element when absent).</param>
    /// <param name="path">Configuration key path of the entry (<c>hardware:components:2</c>), for error messages; default
    /// <c>hardware:components:&lt;name&gt;</c>.</param>
    public ComponentConfig(string name, string type, JsonElement parameters, string? path = null)
    {
        Name = name;
        Type = type;
        Path = path ?? "hardware:components:" + name;
        _params = parameters.ValueKind == JsonValueKind.Undefined ? default : parameters.Clone();
    }

    /// <summary>Unique component name.</summary>
    public string Name { get; }

    /// <summary>Factory key.</summary>
    public string Type { get; }

    /// <summary>Configuration key path of the entry, e.g. <c>hardware:components:2</c>; a parameter's is <c>Path:params:key</c>.</summary>
    public string Path { get; }

    /// <summary>Reads a string parameter that must be present and non-empty (an endpoint: a device path, a host).</summary>
    /// <param name="key">Parameter name.</param>
    /// <param name="what">What it is, for the message (e.g. "serial device path").</param>
    /// <returns>The value.</returns>
    /// <exception cref="HardwareConfigException">The parameter is absent, empty or not a string.</exception>
    public string RequireString(string key, string what)
    {
        var value = GetString(key, string.Empty);
        return value.Length > 0 ? value : throw new HardwareConfigException($"hardware component '{Name}': parameter '{key}' ({what}) is required", ParamField(key), Name);
    }

    /// <summary>An error about parameter <paramref name="key"/> naming its field.</summary>
    /// <param name="key">Parameter name.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>The exception to throw.</returns>
    public HardwareConfigException ParamError(string key, string message) => new($"hardware component '{Name}': {message}", ParamField(key), Name);

    private string ParamField(string key) => Path + ":params:" + key;
    /// <summary>Reads a number parameter.</summary>
    /// <param name="key">Parameter name.</param>
    /// <param name="fallback">Value when absent.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The parameter is present but not a number.</exception>
    public double GetDouble(string key, double fallback) =>
        TryGet(key, out var e) ? (e.ValueKind == JsonValueKind.Number ? e.GetDouble() : throw Bad(key, "a number")) : fallback;

    /// <summary>Reads an integer parameter.</summary>
    /// <param name="key">Parameter name.</param>
    /// <param name="fallback">Value when absent.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The parameter is present but not an integer.</exception>
    public long GetInt64(string key, long fallback) =>
        TryGet(key, out var e) ? (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var v) ? v : throw Bad(key, "an integer")) : fallback;

    /// <summary>Reads a boolean parameter.</summary>
    /// <param name="key">Parameter name.</param>
    /// <param name="fallback">Value when absent.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The parameter is present but not a boolean.</exception>
    public bool GetBool(string key, bool fallback) =>
        TryGet(key, out var e) ? (e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : throw Bad(key, "a boolean")) : fallback;

    /// <summary>Reads a string parameter.</summary>
    /// <param name="key">Parameter name.</param>
    /// <param name="fallback">Value when absent.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The parameter is present but not a string.</exception>
    public string GetString(string key, string fallback) =>
        TryGet(key, out var e) ? (e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Bad(key, "a string")) : fallback;

    /// <summary>Gets a raw parameter element (arrays, objects).</summary>
    /// <param name="key">Parameter name.</param>
    /// <param name="value">The element when present.</param>
    /// <returns>True when present.</returns>
    public bool TryGet(string key, out JsonElement value)
    {
        if (_params.ValueKind == JsonValueKind.Object && _params.TryGetProperty(key, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    private HardwareConfigException Bad(string key, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"hardware component '{Name}': parameter '{key}' must be {what}"), ParamField(key), Name);
}
