using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
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
    /// <exception cref="ShiftSetupException">The --config file is missing or is not valid JSON (its location and field named).</exception>
    public static IConfigurationBuilder AddCellLayers(this IConfigurationBuilder builder, string? configFile, IReadOnlyDictionary<string, string?> overrides)
    {
        var stream = typeof(CellConfiguration).Assembly.GetManifestResourceStream("cell.sim.json")
            ?? throw new InvalidOperationException("embedded default configuration cell.sim.json is missing from the build");
        builder.AddJsonStream(stream);
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                throw new ShiftSetupException($"configuration file '{configFile}' does not exist") { Location = configFile };
            }

            // Checks the syntax first, so broken JSON is named with its line, column and field (ConfigFileMap).
            ConfigFileMap.Load(configFile);

            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        builder.AddEnvironmentVariables("STOWCELL_");
        builder.AddInMemoryCollection(overrides);
        return builder;
    }

    /// <summary>Binds the <c>Cell</c> section, checking the ranges that would make a run meaningless.</summary>
    /// <exception cref="ShiftSetupException">A value is out of range, of the wrong type, or not one of a mode's values
    /// (<see cref="ShiftSetupException.Field"/> names the key; the message the allowed values).</exception>
    public static CellOptions Bind(IConfiguration config)
    {
        foreach (var (key, type) in EnumKeys)
        {
            CheckEnum(config, key, type);
        }

        var o = new CellOptions();
        try
        {
            config.GetSection("Cell").Bind(o);
            foreach (var (key, value) in config.AsEnumerable())
            {
                if (key.StartsWith("Sim:", StringComparison.OrdinalIgnoreCase) && value is not null)
                {
                    o.Sim[key] = value;
                }
            }
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key as "... at 'Cell:Items' to type ...".
            var at = e.Message.IndexOf(" at '", StringComparison.Ordinal);
            var end = at < 0 ? -1 : e.Message.IndexOf('\'', at + 5);
            throw new ShiftSetupException($"configuration: {e.Message}", e) { Field = end > at && at >= 0 ? e.Message[(at + 5)..end] : string.Empty };
        }

        Check(o.Items > 0, "Cell:Items", o.Items);
        Check(o.ArrivalFillMax is null or (>= 0 and <= 0.9), "Cell:ArrivalFillMax", o.ArrivalFillMax ?? 0);
        Check(o.Planning.SwapThreshold is > 0 and <= 1, "Cell:Planning:SwapThreshold", o.Planning.SwapThreshold);
        Check(o.Planning.Floor is >= 0 and <= 1, "Cell:Planning:Floor", o.Planning.Floor);
        Check(o.Planning.ExplorationRate is >= 0 and <= 0.05, "Cell:Planning:ExplorationRate", o.Planning.ExplorationRate);
        Check(o.Planning.SwapSlack is >= 0 and <= 1, "Cell:Planning:SwapSlack", o.Planning.SwapSlack);
        Check(o.Planning.MinPodReach is >= 0 and <= 1, "Cell:Planning:MinPodReach", o.Planning.MinPodReach);
        Check(o.Planning.ReachPods is >= 5 and <= 1000, "Cell:Planning:ReachPods", o.Planning.ReachPods);
        Check(o.Planning.DepthUncertaintyMargin is >= 0 and <= 1, "Cell:Planning:DepthUncertaintyMargin", o.Planning.DepthUncertaintyMargin);
        Check(o.Perception.Cameras is >= 1 and <= 8, "Cell:Perception:Cameras", o.Perception.Cameras);
        Check(o.Perception.DeviceId >= 0, "Cell:Perception:DeviceId", o.Perception.DeviceId);
        Check(o.Perception.IntraOpThreads >= 0, "Cell:Perception:IntraOpThreads", o.Perception.IntraOpThreads);
        CheckName(() => OnnxSessionOptions.Parse(o.Perception.Provider), "Cell:Perception:Provider");
        CheckName(() => OnnxSessionOptions.ParseOptimizationLevel(o.Perception.GraphOptimization), "Cell:Perception:GraphOptimization");
        Check(o.Shift.BufferSize is > 0 and <= 100, "Cell:Shift:BufferSize", o.Shift.BufferSize);
        Check(o.Shift.InductIntervalSeconds is >= 0 and <= 3600, "Cell:Shift:InductIntervalSeconds", o.Shift.InductIntervalSeconds);
        Check(o.Shift.ExceptionsPerFreshPod is >= 1 and <= 100, "Cell:Shift:ExceptionsPerFreshPod", o.Shift.ExceptionsPerFreshPod);
        Check(o.Shift.PodSwapSeconds is >= 0 and <= 3600, "Cell:Shift:PodSwapSeconds", o.Shift.PodSwapSeconds);
        Check(o.Motion.RateHz is >= 500 and <= 1000, "Cell:Motion:RateHz", o.Motion.RateHz);
        return o;
    }

    /// <summary>
    /// Settings of <paramref name="options"/> that differ from the embedded default configuration, as <c>Cell:Key = value</c>
    /// in key order. Left out, because they do not change what the cell does: <c>Seed</c> (a run's draw, not the cell's
    /// configuration), <c>CellId</c>, <c>DataDir</c>, <c>Reports</c>, the <c>Mqtt</c> and <c>Hmi</c> sections (where the operator
    /// link and the page are served), and the perception
    /// execution resources (<c>Provider</c>, <c>DeviceId</c>, <c>IntraOpThreads</c>).
    /// </summary>
    /// <param name="options">The bound configuration of a run.</param>
    /// <returns>The differences; empty for the default configuration.</returns>
    public static IReadOnlyList<string> DifferencesFromDefault(CellOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var stream = typeof(CellConfiguration).Assembly.GetManifestResourceStream("cell.sim.json")
            ?? throw new InvalidOperationException("embedded default configuration cell.sim.json is missing from the build");
        var defaults = Bind(new ConfigurationBuilder().AddJsonStream(stream).Build());
        var json = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter(new LowerCase()) } };
        var mine = Flatten(JsonSerializer.SerializeToNode(options, json), "Cell");
        var theirs = Flatten(JsonSerializer.SerializeToNode(defaults, json), "Cell");
        return mine.Keys.Union(theirs.Keys, StringComparer.Ordinal)
            .Where(k => !IgnoredForDefault.Any(i => k.Equals(i, StringComparison.Ordinal) || k.StartsWith(i + ":", StringComparison.Ordinal)))
            .Where(k => mine.GetValueOrDefault(k) != theirs.GetValueOrDefault(k))
            .Order(StringComparer.Ordinal)
            .Select(k => $"{k} = {mine.GetValueOrDefault(k) ?? "(unset)"}")
            .ToList();
    }

    private static readonly string[] IgnoredForDefault =
    [
        "Cell:Seed", "Cell:CellId", "Cell:DataDir", "Cell:Reports", "Cell:Mqtt", "Cell:Hmi",
        "Cell:Perception:Provider", "Cell:Perception:DeviceId", "Cell:Perception:IntraOpThreads",
    ];

    private static Dictionary<string, string?> Flatten(JsonNode? node, string prefix)
    {
        var leaves = new Dictionary<string, string?>(StringComparer.Ordinal);
        void Walk(JsonNode? n, string path)
        {
            if (n is JsonObject o)
            {
                foreach (var (k, v) in o)
                {
                    Walk(v, path + ":" + k);
                }
            }
            else
            {
                leaves[path] = n?.ToJsonString();
            }
        }

        Walk(node, prefix);
        return leaves;
    }

    /// <summary>A mode as configuration text: its name in lower case (<see cref="PerceptionMode.GroundTruth"/> → <c>groundtruth</c>).</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>The text a configuration file or option uses for it.</returns>
    public static string Text(Enum mode) => (mode ?? throw new ArgumentNullException(nameof(mode))).ToString().ToLowerInvariant();

    /// <summary>The allowed texts of mode <typeparamref name="T"/>, comma-separated, for messages and option help.</summary>
    /// <typeparam name="T">A mode enum.</typeparam>
    /// <returns>E.g. <c>onnx, groundtruth</c>.</returns>
    public static string Allowed<T>()
        where T : struct, Enum => Allowed(typeof(T));

    private static readonly (string Key, Type Type)[] EnumKeys =
    [
        ("Cell:Perception:Mode", typeof(PerceptionMode)),
        ("Cell:Motion:Mode", typeof(MotionMode)),
        ("Cell:Planning:Model", typeof(SuccessModelKind)),
        ("Cell:Mqtt:Broker", typeof(MqttBrokerMode)),
    ];

    private static string Allowed(Type type) => string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()));

    // Modes are parsed here, at the configuration edge, by name only (the binder would also take "1" or "Onnx, Timed").
    private static void CheckEnum(IConfiguration config, string key, Type type)
    {
        var text = config[key];
        if (text is null)
        {
            return;
        }

        if (!Enum.GetNames(type).Any(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new ShiftSetupException($"configuration: {key} = '{text}' is not one of: {Allowed(type)}") { Field = key };
        }
    }

    private static void CheckName(Action parse, string key)
    {
        try
        {
            parse();
        }
        catch (ArgumentException e)
        {
            throw new ShiftSetupException($"configuration: {key}: {e.Message}", e) { Field = key };
        }
    }

    private static void Check(bool ok, string key, object value)
    {
        if (!ok)
        {
            throw new ShiftSetupException($"configuration: {key} = {value} is out of range") { Field = key };
        }
    }

    private sealed class LowerCase : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
