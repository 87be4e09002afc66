using Microsoft.Extensions.Configuration;
using Stow.Sim.World;

namespace Stow.Tools.PlanEval;

/// <summary>Reads world variant files (<c>config/worlds/*.json</c>, <c>Sim:</c> keys) layered in order over the defaults. Stateless.</summary>
public static class WorldFiles
{
    /// <summary>Loads and validates the layered <c>Sim:</c> section of <paramref name="files"/>; none gives <see cref="SimWorldOptions.Default"/>.</summary>
    /// <param name="files">JSON files, later ones overriding earlier ones.</param>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is not valid JSON (the message names the file).</exception>
    /// <exception cref="SimConfigException">A <c>Sim:</c> key is unknown, not a number or out of range (the message names the key and files).</exception>
    public static SimWorldOptions Load(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return SimWorldOptions.Default;
        }

        var builder = new ConfigurationBuilder();
        foreach (var f in files)
        {
            var full = Path.GetFullPath(f);
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"world file {full} does not exist", full);
            }

            builder.AddJsonFile(full, optional: false);
        }

        IConfigurationRoot config;
        try
        {
            config = builder.Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            throw new InvalidDataException($"world file(s) {string.Join(", ", files)}: {e.Message}", e);
        }

        return SimWorldOptions.FromConfiguration(config.AsEnumerable(), string.Join(" + ", files));
    }
}
