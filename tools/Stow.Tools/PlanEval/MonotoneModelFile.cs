using System.Text.Json;
using System.Text.Json.Serialization;
using Stow.Planning.Calibration;
using Stow.Planning.Risk;

namespace Stow.Tools.PlanEval;

/// <summary>
/// The sign-constrained success model as <c>risk fit</c> saves it (<c>models/risk-monotone.json</c>): one weight per
/// <see cref="MonotoneFeatures.Names"/> entry (each within its sign constraint: more clearance never lowers P), the
/// Platt map fitted on calibration seeds, and how the model was obtained. Date-free, so the same fit writes the same
/// bytes. Immutable.
/// </summary>
/// <param name="Catalog">Item catalogue of the logging shifts.</param>
/// <param name="PodType">Pod type of the logging shifts.</param>
/// <param name="Perception">What space the logging planner saw (<c>onnx</c> or <c>groundtruth</c>).</param>
/// <param name="TrainingSeeds">Seeds of the shifts the weights were fitted on.</param>
/// <param name="CalibrationSeeds">Seeds of the shifts the Platt map was fitted on (disjoint from the training seeds).</param>
/// <param name="PodsPerShift">Pods per logging shift.</param>
/// <param name="ExplorationRate">Exploration rate of the prior planner that logged the records (with propensities).</param>
/// <param name="Records">Training records.</param>
/// <param name="Weights">Weight per feature name, in <see cref="MonotoneFeatures.Names"/> order.</param>
/// <param name="PlattA">Platt slope (≥ 0).</param>
/// <param name="PlattB">Platt offset.</param>
public sealed record MonotoneModelFile(
    [property: JsonPropertyName("catalog")] string Catalog,
    [property: JsonPropertyName("pod_type")] string PodType,
    [property: JsonPropertyName("perception")] string Perception,
    [property: JsonPropertyName("training_seeds")] int[] TrainingSeeds,
    [property: JsonPropertyName("calibration_seeds")] int[] CalibrationSeeds,
    [property: JsonPropertyName("pods_per_shift")] int PodsPerShift,
    [property: JsonPropertyName("exploration_rate")] double ExplorationRate,
    [property: JsonPropertyName("records")] int Records,
    [property: JsonPropertyName("weights")] Dictionary<string, double> Weights,
    [property: JsonPropertyName("platt_a")] double PlattA,
    [property: JsonPropertyName("platt_b")] double PlattB)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The file of a calibrated constrained model.</summary>
    public static MonotoneModelFile Of(CalibratedSuccessModel model, string catalog, string podType, string perception,
        int[] trainingSeeds, int[] calibrationSeeds, int pods, double explorationRate, int records)
    {
        ArgumentNullException.ThrowIfNull(model);
        var raw = (MonotoneLogisticModel)model.Inner;
        var weights = MonotoneFeatures.Names.Select((n, i) => (n, raw.Weights[i])).ToDictionary(x => x.n, x => x.Item2);
        return new MonotoneModelFile(catalog, podType, perception, trainingSeeds, calibrationSeeds, pods, explorationRate, records,
            weights, model.Platt.A, model.Platt.B);
    }

    /// <summary>Writes the file (indented JSON), creating its folder.</summary>
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
    /// <exception cref="JsonException">Not a constrained model file.</exception>
    public static MonotoneModelFile Load(string path) =>
        JsonSerializer.Deserialize<MonotoneModelFile>(File.ReadAllText(path))
        ?? throw new JsonException($"{path} holds no constrained risk model");

    /// <summary>The calibrated model.</summary>
    /// <exception cref="InvalidDataException">A feature weight is missing, unknown, or breaks its sign constraint (the message names it and the file's path is the caller's to add).</exception>
    public CalibratedSuccessModel ToModel()
    {
        var unknown = Weights.Keys.Except(MonotoneFeatures.Names).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"unknown feature weight(s): {string.Join(", ", unknown)}");
        }

        var w = new double[MonotoneFeatures.Count];
        for (var i = 0; i < w.Length; i++)
        {
            if (!Weights.TryGetValue(MonotoneFeatures.Names[i], out w[i]))
            {
                throw new InvalidDataException($"weight of feature {MonotoneFeatures.Names[i]} is missing");
            }
        }

        if (!(PlattA >= 0) || !double.IsFinite(PlattA) || !double.IsFinite(PlattB))
        {
            throw new InvalidDataException($"Platt map A = {PlattA}, B = {PlattB}: A must be finite and ≥ 0, B finite");
        }

        try
        {
            return new CalibratedSuccessModel(new MonotoneLogisticModel(w), new PlattScaling(PlattA, PlattB));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
