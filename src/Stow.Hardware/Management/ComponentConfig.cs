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
    public ComponentConfig(string name, string type, JsonElement parameters)
    {
        Name = name;
        Type = type;
        _params = parameters.ValueKind == JsonValueKind.Undefined ? default : parameters.Clone();
    }

    /// <summary>Unique component name.</summary>
    public string Name { get; }

    /// <summary>Factory key.</summary>
    public string Type { get; }

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

    private FormatException Bad(string key, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"hardware component '{Name}': parameter '{key}' must be {what}"));
}
