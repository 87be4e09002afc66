using Stow.Tools.Tests.Support;

namespace Stow.Tools.Tests.Perception;

/// <summary>
/// A fact that needs the APC 2016 frames and shipped models that fit <c>PodSpacePipeline</c>'s contract (a space
/// model with the 6-channel <c>space_in</c> input); skipped with the reason otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApcModelsFactAttribute : FactAttribute
{
    public ApcModelsFactAttribute()
    {
        var manifest = Path.Combine(TestPaths.RepoRoot, "models", "space.json");
        if (!File.Exists(Path.Combine(ApcTestData.Frames, "cam.info.txt")) || !File.Exists(ApcTestData.BinYaml))
        {
            Skip = $"APC 2016 frames missing: {ApcTestData.Frames} or {ApcTestData.BinYaml} (see ../shared/data/README.md)";
        }
        else if (!File.Exists(manifest) || !File.ReadAllText(manifest).Contains("\"space_in\"", StringComparison.Ordinal))
        {
            Skip = $"{manifest} has no 'space_in' input: the shipped space model predates the pipeline's 6-channel contract (retrained models pending)";
        }
    }
}
