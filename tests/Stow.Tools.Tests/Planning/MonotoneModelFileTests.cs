using Stow.Planning.Calibration;
using Stow.Planning.Risk;
using Stow.Tools.PlanEval;
using Stow.Tools.Tests.Support;

namespace Stow.Tools.Tests.Planning;

/// <summary>The constrained model file <c>risk fit</c> writes: a round trip, and a clear error for a broken one.</summary>
public class MonotoneModelFileTests
{
    private static CalibratedSuccessModel Model()
    {
        var w = MonotoneFeatures.Signs.Select((s, i) => s * (0.1 + (i * 0.01))).ToArray();
        return new CalibratedSuccessModel(new MonotoneLogisticModel(w), new PlattScaling(0.8, 0.3));
    }

    [Fact(Timeout = 10000)]
    public async Task Saved_And_Loaded_It_Predicts_The_Same()
    {
        await Task.Yield();
        using var dir = new TempDir();
        var path = dir.File("risk-monotone.json");
        var model = Model();
        MonotoneModelFile.Of(model, "mixed", "fabric-40", "onnx", [1, 2], [3], 6, 0.05, 10).Save(path);

        var loaded = MonotoneModelFile.Load(path).ToModel();

        var f = new CandidateFeatures(Stow.Core.Items.PackagingClass.Box, 0.5, false, 0.02, 0.01, 0.05, 0.4, 1.2, default, 0.6);
        Assert.Equal(model.Predict(f), loaded.Predict(f), 12);
    }

    [Fact(Timeout = 10000)]
    public async Task A_Weight_Against_Its_Sign_Or_A_Missing_One_Is_Named()
    {
        await Task.Yield();
        var file = MonotoneModelFile.Of(Model(), "mixed", "fabric-40", "onnx", [1], [2], 6, 0.05, 10);
        var clearance = MonotoneFeatures.Names[1];
        var against = file with { Weights = new Dictionary<string, double>(file.Weights) { [clearance] = -1 } };
        var missing = file with { Weights = file.Weights.Where(kv => kv.Key != clearance).ToDictionary() };

        Assert.Contains(clearance, Assert.Throws<InvalidDataException>(() => against.ToModel()).Message, StringComparison.Ordinal);
        Assert.Contains(clearance, Assert.Throws<InvalidDataException>(() => missing.ToModel()).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => (file with { PlattA = -1 }).ToModel());
    }
}
