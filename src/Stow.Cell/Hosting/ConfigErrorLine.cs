using Stow.Hardware.Management;

namespace Stow.Cell.Hosting;

/// <summary>
/// Turns a set-up failure into the one line a person reads: where (<c>file:line:column</c>, or which layer set the value:
/// the command line, an environment variable, the embedded default), which field (a configuration key path), and what is
/// wrong. Covers broken JSON, values out of range or of the wrong mode, hardware entries with an unknown type or a missing
/// endpoint, and a device that does not answer at bring-up. Stateless; thread-safe.
/// </summary>
public static class ConfigErrorLine
{
    /// <summary>Name of the embedded default configuration in messages.</summary>
    public const string EmbeddedName = "config/cell.sim.json (embedded default)";

    /// <summary>Describes <paramref name="error"/> as <c>LOCATION: field FIELD: MESSAGE</c>.</summary>
    /// <param name="error">The failure (a <see cref="ShiftSetupException"/>, possibly wrapping a hardware one).</param>
    /// <param name="configFile">The <c>--config</c> file, or null.</param>
    /// <param name="hardwareFile">The file whose <c>hardware</c> section the run used (<c>Cell:Motion:Hardware</c>), or null.</param>
    /// <param name="overrides">Command-line settings by key (they win over every file).</param>
    /// <returns>The line, without a trailing newline; the plain message when no field is known.</returns>
    public static string Describe(Exception error, string? configFile, string? hardwareFile, IReadOnlyDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(overrides);
        if (error is ShiftSetupException { Location.Length: > 0 } located)
        {
            return Line(located.Location, located.Field, located.Message);
        }

        for (var e = error.InnerException; e is not null; e = e.InnerException)
        {
            if (e is HardwareConfigException hc && Hardware(hardwareFile) is { } map)
            {
                var field = hc.Field.Length > 0 ? hc.Field : (map.FindComponent(hc.Component) ?? string.Empty);
                return Line(Nearest(map, field), field, hc.Message);
            }

            if (e is HardwareBringupException { Failures.Count: > 0 } hb && Hardware(hardwareFile) is { } hw)
            {
                var entry = hw.FindComponent(hb.Failures[0].Name) ?? string.Empty;
                var field = hw.Contains(entry + ":params:device") ? entry + ":params:device" : entry;
                return Line(Nearest(hw, field), field, hb.Message);
            }
        }

        if (error is ShiftSetupException { Field.Length: > 0 } keyed)
        {
            return Line(Source(keyed.Field, configFile, overrides), keyed.Field, keyed.Message);
        }

        return error.Message;
    }

    private static string Source(string field, string? configFile, IReadOnlyDictionary<string, string?> overrides)
    {
        if (overrides.ContainsKey(field))
        {
            return "command line";
        }

        var env = "STOWCELL_" + field.Replace(":", "__", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable(env) is not null)
        {
            return "environment " + env;
        }

        if (configFile is not null && File.Exists(configFile) && ConfigFileMap.Load(configFile).TryLocate(field, out var inFile))
        {
            return inFile;
        }

        using var stream = typeof(CellConfiguration).Assembly.GetManifestResourceStream("cell.sim.json");
        if (stream is not null)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (ConfigFileMap.Parse(copy.ToArray(), EmbeddedName).TryLocate(field, out var embedded))
            {
                return embedded;
            }
        }

        return "default value";
    }

    private static ConfigFileMap? Hardware(string? hardwareFile) =>
        hardwareFile is not null && File.Exists(hardwareFile) ? ConfigFileMap.Load(hardwareFile) : null;

    // The field itself when the file has it, else its nearest ancestor that it has (a missing parameter: its component).
    private static string Nearest(ConfigFileMap map, string field)
    {
        for (var f = field; f.Length > 0; f = f.Contains(':', StringComparison.Ordinal) ? f[..f.LastIndexOf(':')] : string.Empty)
        {
            if (map.TryLocate(f, out var at))
            {
                return at;
            }
        }

        return map.File;
    }

    private static string Line(string location, string field, string message)
    {
        const string prefix = "configuration: ";
        message = message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
        return field.Length > 0 ? $"{location}: field {field}: {message}" : $"{location}: {message}";
    }
}
