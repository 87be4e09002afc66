using Stow.Tools.PerceptionTools.Real;
using Stow.Tools.Tests.Support;

namespace Stow.Tools.Tests.Perception;

/// <summary>Paths of the real APC 2016 frame set (../shared/data relative to the repository root).</summary>
internal static class ApcTestData
{
    public static string DataRoot { get; } = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "data"));

    public static string Frames => RealPerceptionEval.FramesFolder(DataRoot);

    public static string BinYaml => RealPerceptionEval.BinYaml(DataRoot);
}
