namespace Stow.Core.Catalog;

/// <summary>
/// Finds the repository root and the shared data root. Stateless and thread-safe (reads the environment and the file
/// system).
/// </summary>
/// <remarks>
/// Data root, first that applies: an explicit folder (the <c>--data DIR</c> option), the environment variable
/// <see cref="DataEnvironmentVariable"/>, else <c>../shared/data</c> relative to the repository root (data/README.md).
/// The repository root is the first folder at or above <see cref="AppContext.BaseDirectory"/> holding
/// <c>StowCell.sln</c>.
/// </remarks>
public static class CatalogPaths
{
    /// <summary>Environment variable that overrides the data root.</summary>
    public const string DataEnvironmentVariable = "STOWCELL_DATA";

    /// <summary>Marker file of the repository root.</summary>
    public const string SolutionFileName = "StowCell.sln";

    /// <summary>The repository root above <paramref name="start"/> (default: the app base folder), or null when none.</summary>
    public static string? FindRepoRoot(string? start = null)
    {
        var d = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, SolutionFileName)))
        {
            d = d.Parent;
        }

        return d?.FullName;
    }

    /// <summary>The data root (see remarks) as a full path. The folder is not checked here; loaders name missing files.</summary>
    /// <param name="explicitRoot">The <c>--data</c> folder, or null/empty when not given.</param>
    /// <exception cref="CatalogException">Nothing given and no repository root found.</exception>
    public static string ResolveDataRoot(string? explicitRoot = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitRoot))
        {
            return Path.GetFullPath(explicitRoot);
        }

        var env = Environment.GetEnvironmentVariable(DataEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            return Path.GetFullPath(env);
        }

        var repo = FindRepoRoot() ?? throw new CatalogException(
            $"no data root: {SolutionFileName} was not found above '{AppContext.BaseDirectory}'; pass --data DIR or set {DataEnvironmentVariable} to the folder that holds items/");
        return Path.GetFullPath(Path.Combine(repo, "..", "shared", "data"));
    }

    /// <summary>The pod type folder <c>config/pods</c> of the repository root.</summary>
    /// <exception cref="CatalogException">No repository root found.</exception>
    public static string DefaultPodFolder()
    {
        var repo = FindRepoRoot() ?? throw new CatalogException(
            $"{SolutionFileName} was not found above '{AppContext.BaseDirectory}', so config/pods cannot be located; pass the pod folder explicitly");
        return Path.Combine(repo, "config", "pods");
    }
}
