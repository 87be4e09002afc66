using Microsoft.Extensions.Configuration;
using Stow.Perception.Onnx;

namespace Stow.Cell.Hosting;

/// <summary>
/// Layers the cell configuration: the embedded default (<c>config/cell.sim.json</c>, compiled into
/// stowcell), then a <c>--config</c> file, then environment variables prefixed <c>STOWCELL_</c>
/// (<c>STOWCELL_Cell__Items=30</c>), then command-line overrides. Stateless.
/// </summary>
public static class CellConfiguration
{
    /// <summary>Adds the layers to <paramref name="builder"/>.</summary>
    /// <exception cref="ShiftSetupException">The --config file is missing.</exception>
    public static IConfigurationBuilder AddCellLayers(this IConfigurationBuilder builder, string? configFile, IReadOnlyDictionary<string, string?> overrides)
    {
        var stream = typeof(CellConfiguration).Assembly.GetManifestResourceStream("cell.sim.json")
            ?? throw new InvalidOperationException("embedded default configuration cell.sim.json is missing from the build");
        builder.AddJsonStream(stream);
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                throw new ShiftSetupException($"configuration file '{configFile}' does not exist");
            }

            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        builder.AddEnvironmentVariables("STOWCELL_");
        builder.AddInMemoryCollection(overrides);
        return builder;
    }

    /// <summary>Binds the <c>Cell</c> section, checking the ranges that would make a run meaningless.</summary>
    /// <exception cref="ShiftSetupException">A value is out of range (named with its key).</exception>
    public static CellOptions Bind(IConfiguration config)
    {
        var o = new CellOptions();
        try
        {
            config.GetSection("Cell").Bind(o);
        }
        catch (InvalidOperationException e)
        {
            throw new ShiftSetupException($"configuration: {e.Message}", e);
        }

        Check(o.Items > 0, "Cell:Items", o.Items);
        Check(o.ArrivalFillMax is >= 0 and <= 0.9, "Cell:ArrivalFillMax", o.ArrivalFillMax);
        Check(o.Planning.SwapThreshold is > 0 and <= 1, "Cell:Planning:SwapThreshold", o.Planning.SwapThreshold);
        Check(o.Planning.Floor is >= 0 and <= 1, "Cell:Planning:Floor", o.Planning.Floor);
        Check(o.Planning.ExplorationRate is >= 0 and <= 0.05, "Cell:Planning:ExplorationRate", o.Planning.ExplorationRate);
        Check(o.Planning.SwapSlack is >= 0 and <= 1, "Cell:Planning:SwapSlack", o.Planning.SwapSlack);
        Check(o.Planning.DepthUncertaintyMargin is >= 0 and <= 1, "Cell:Planning:DepthUncertaintyMargin", o.Planning.DepthUncertaintyMargin);
        Check(o.Perception.Cameras is >= 1 and <= 8, "Cell:Perception:Cameras", o.Perception.Cameras);
        Check(o.Perception.DeviceId >= 0, "Cell:Perception:DeviceId", o.Perception.DeviceId);
        Check(o.Perception.IntraOpThreads >= 0, "Cell:Perception:IntraOpThreads", o.Perception.IntraOpThreads);
        CheckName(() => OnnxSessionOptions.Parse(o.Perception.Provider), "Cell:Perception:Provider");
        CheckName(() => OnnxSessionOptions.ParseOptimizationLevel(o.Perception.GraphOptimization), "Cell:Perception:GraphOptimization");
        Check(o.Shift.BufferSize is > 0 and <= 100, "Cell:Shift:BufferSize", o.Shift.BufferSize);
        Check(o.Shift.InductIntervalSeconds is >= 0 and <= 3600, "Cell:Shift:InductIntervalSeconds", o.Shift.InductIntervalSeconds);
        Check(o.Motion.RateHz is >= 500 and <= 1000, "Cell:Motion:RateHz", o.Motion.RateHz);
        return o;
    }

    private static void CheckName(Action parse, string key)
    {
        try
        {
            parse();
        }
        catch (ArgumentException e)
        {
            throw new ShiftSetupException($"configuration: {key}: {e.Message}", e);
        }
    }

    private static void Check(bool ok, string key, object value)
    {
        if (!ok)
        {
            throw new ShiftSetupException($"configuration: {key} = {value} is out of range");
        }
    }
}
