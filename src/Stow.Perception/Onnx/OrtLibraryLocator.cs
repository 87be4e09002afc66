namespace Stow.Perception.Onnx;

/// <summary>
/// Finds the ONNX Runtime native library: the <c>STOWCELL_ORT_LIB</c> environment variable when set, else
/// <c>&lt;repo&gt;/.deps/onnxruntime/libonnxruntime.so.1</c>, the repository root being the first directory
/// above the application (or the working directory) that holds <c>StowCell.sln</c>. Stateless, thread-safe.
/// </summary>
public static class OrtLibraryLocator
{
    /// <summary>Environment variable naming the library file (set by <c>scripts/setup.sh</c>).</summary>
    public const string EnvironmentVariable = "STOWCELL_ORT_LIB";

    /// <summary>Library path below the repository root.</summary>
    public const string RepoRelativePath = ".deps/onnxruntime/libonnxruntime.so.1";

    /// <summary>The path to load; it may not exist (the loader then says how to install it).</summary>
    public static string Resolve()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        string? root = FindRepoRoot(AppContext.BaseDirectory) ?? FindRepoRoot(Directory.GetCurrentDirectory());
        return Path.Combine(root ?? Directory.GetCurrentDirectory(), RepoRelativePath);
    }

    /// <summary>The first directory at or above <paramref name="start"/> holding <c>StowCell.sln</c>, or null.</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StowCell.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The error text for a library that is not at <paramref name="path"/>.</summary>
    public static string MissingMessage(string path) =>
        $"ONNX Runtime native library not found at '{path}'. Run ./test.sh or scripts/setup.sh from the repository " +
        $"root: it fetches the pinned ONNX Runtime 1.23.2 into {RepoRelativePath} and exports {EnvironmentVariable}.";
}
