using System.CommandLine;
using Stow.Core.Catalog;
using Stow.Core.Pods;

namespace Stow.Tools.Cli;

/// <summary>Options and look-ups shared by several commands. Stateless.</summary>
internal static class CliCommon
{
    public static Option<string?> DataOption() =>
        new("--data") { Description = $"Data root (else ${CatalogPaths.DataEnvironmentVariable}, else ../shared/data)" };

    public static Option<string> PodTypeOption() =>
        new("--pod-type") { Description = "Pod type name from config/pods", DefaultValueFactory = _ => "fabric-40" };

    public static Option<bool> JsonOption() => new("--json") { Description = "Print the figures as JSON" };

    /// <summary>Loads a pod type by name from the repository's config/pods.</summary>
    /// <exception cref="PodConfigException">Unknown name or bad file.</exception>
    public static PodType PodType(string name)
    {
        var types = PodTypeLoader.LoadFolder(CatalogPaths.DefaultPodFolder());
        return types.TryGetValue(name, out var t)
            ? t
            : throw new PodConfigException($"no pod type '{name}' in {CatalogPaths.DefaultPodFolder()} (have: {string.Join(", ", types.Keys)})");
    }

    /// <summary>
    /// The catalogue as a cell served only pods of <paramref name="type"/> gets it: the items that fit some bin of that type
    /// (<see cref="StowabilityRules.ForPodTypes"/>), as <c>stowcell run</c> draws its shift (an item only another pod type
    /// takes is not that station's to stow).
    /// </summary>
    /// <exception cref="CatalogException">A file is missing or malformed.</exception>
    public static ItemCatalog CatalogFor(string name, string? dataRoot, PodType type) =>
        CatalogLoader.Load(name, CatalogPaths.ResolveDataRoot(dataRoot), StowabilityRules.ForPodTypes([type]));

    /// <summary>All pod types of config/pods.</summary>
    public static IReadOnlyList<PodType> PodTypes() => PodTypeLoader.LoadFolder(CatalogPaths.DefaultPodFolder()).Values.ToList();

    /// <summary>The ARC 2017 photo folder of a data root, or null when absent.</summary>
    public static string? ArcImages(string dataRoot)
    {
        var p = Path.Combine(dataRoot, "items", "arc2017", "images");
        return Directory.Exists(p) ? p : null;
    }

    /// <summary>Parses a seed range <c>A-B</c> (inclusive) or a single seed.</summary>
    /// <exception cref="FormatException">Not a range.</exception>
    public static int[] Seeds(string text)
    {
        var parts = text.Split('-', 2);
        if (!int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var a) ||
            (parts.Length == 2 && !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException($"'{text}' is not a seed or a seed range A-B");
        }

        var b = parts.Length == 2 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : a;
        return b < a ? throw new FormatException($"seed range '{text}' is empty") : Enumerable.Range(a, b - a + 1).ToArray();
    }
}
