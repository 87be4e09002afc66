using System.Runtime.Loader;

namespace Stow.Cell.Cli;

/// <summary>
/// The assemblies loaded in this process, from every <see cref="AssemblyLoadContext"/> (the default one and each
/// backend plugin's), for the hidden diagnostic <c>stowcell run --loaded-assemblies FILE</c>: a test reads the file to
/// check which assemblies a run loaded (a live-configured cell must load no simulator assembly, issue #13).
/// Threading: any thread; each call is a snapshot.
/// </summary>
public static class LoadedAssemblies
{
    /// <summary>
    /// One line per loaded assembly, <c>NAME&lt;TAB&gt;CONTEXT</c> (simple assembly name, load-context name, <c>Default</c>
    /// for the default context), sorted by name then context, without duplicates.
    /// </summary>
    /// <returns>The lines.</returns>
    public static IReadOnlyList<string> Lines() =>
        AssemblyLoadContext.All
            .SelectMany(c => c.Assemblies.Select(a => $"{a.GetName().Name}\t{c.Name ?? "(unnamed)"}"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Writes <see cref="Lines"/> to <paramref name="path"/> (its folder is created; an existing file is replaced).</summary>
    /// <param name="path">The file to write.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or folder is not writable.</exception>
    public static void Write(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllLines(full, Lines());
    }
}
