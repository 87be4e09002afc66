namespace Stow.Tools.Tests.Support;

/// <summary>Locates the repository root (the folder holding StowCell.sln) from the test binary.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = Find();

    /// <summary>The built stowtools.dll next to the test binary (copied by the project reference).</summary>
    public static string StowToolsDll { get; } = Path.Combine(AppContext.BaseDirectory, "stowtools.dll");

    private static string Find()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "StowCell.sln")))
        {
            d = d.Parent;
        }

        return d?.FullName ?? throw new InvalidOperationException("StowCell.sln not found above " + AppContext.BaseDirectory);
    }
}
