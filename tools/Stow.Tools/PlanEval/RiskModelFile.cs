using System.Text.Json;
using System.Text.Json.Serialization;
using Stow.Planning.Risk;

namespace Stow.Tools.PlanEval;

/// <summary>
/// A fitted learned success model as <c>stowcell risk fit</c> saves it (<c>models/risk.json</c>): the coefficients
/// and how they were obtained. Date-free, so the same fit writes the same bytes. Immutable.
/// </summary>
/// <param name="Catalog">Item catalogue of the training shifts (<c>olist</c>, <c>arc2017</c>, <c>mixed</c>).</param>
/// <param name="PodType">Pod type of the training shifts.</param>
/// <param name="TrainingSeeds">Seeds of the training shifts (items, world and exploration).</param>
/// <param name="PodsPerShift">Pods per training shift.</param>
/// <param name="PrefillMax">Largest arrival fill of the training pods, in [0, 1).</param>
/// <param name="ExplorationRate">Exploration rate of the prior planner that produced the records.</param>
/// <param name="Records">Attempt records fitted.</param>
/// <param name="Parameters">Coefficients of the logistic regression.</param>
public sealed record RiskModelFile(
    [property: JsonPropertyName("catalog")] string Catalog,
    [property: JsonPropertyName("pod_type")] string PodType,
    [property: JsonPropertyName("training_seeds")] int[] TrainingSeeds,
    [property: JsonPropertyName("pods_per_shift")] int PodsPerShift,
    [property: JsonPropertyName("prefill_max")] double PrefillMax,
    [property: JsonPropertyName("exploration_rate")] double ExplorationRate,
    [property: JsonPropertyName("records")] int Records,
    [property: JsonPropertyName("parameters")] LearnedModelParameters Parameters)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the file (indented JSON, invariant), creating its folder.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(this, Indented) + "\n");
    }

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="IOException">Missing or unreadable file.</exception>
    /// <exception cref="JsonException">Not a risk model file.</exception>
    public static RiskModelFile Load(string path) =>
        JsonSerializer.Deserialize<RiskModelFile>(File.ReadAllText(path))
        ?? throw new JsonException($"{path} holds no risk model");

    /// <summary>The model the parameters describe.</summary>
    /// <exception cref="ArgumentException">The parameters are malformed.</exception>
    public LearnedSuccessModel ToModel() => new(Parameters);
}
