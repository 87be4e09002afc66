using System.Globalization;
using System.Reflection;
using Stow.Sim.Devices.Induct;
using Stow.Sim.Rendering;

namespace Stow.Sim.World;

/// <summary>
/// Everything about the simulated world that a planner must not be tuned to: the outcome model's constants
/// (<c>Sim:Outcome</c>), how full pods arrive (<c>Sim:Arrival</c>), the induct's measurement error
/// (<c>Sim:Induct</c>) and the camera's noise (<c>Sim:Sensor</c>). A world variant is a configuration file that sets
/// some of these keys, layered over the defaults with <c>--config</c> (config/worlds/, docs/sim-outcome-model.md).
/// Immutable.
/// </summary>
public sealed record SimWorldOptions
{
    /// <summary>Name of the configuration section.</summary>
    public const string Section = "Sim";

    /// <summary>Outcome model constants.</summary>
    public StowOutcomeOptions Outcome { get; init; } = StowOutcomeOptions.Default;

    /// <summary>Arrival fill of pods.</summary>
    public PodArrivalOptions Arrival { get; init; } = PodArrivalOptions.Default;

    /// <summary>Induct measurement error.</summary>
    public InductErrorOptions Induct { get; init; } = InductErrorOptions.Default;

    /// <summary>Camera sensor noise of rendered frames.</summary>
    public SensorNoiseOptions Sensor { get; init; } = SensorNoiseOptions.Default;

    /// <summary>The defaults of every part.</summary>
    public static SimWorldOptions Default { get; } = new();

    /// <summary>
    /// Reads the <c>Sim:</c> keys from flattened configuration pairs (as <c>IConfiguration.AsEnumerable()</c> gives
    /// them: <c>Sim:Outcome:BandDefect</c> = <c>0.04</c>); keys are case-insensitive, values invariant-culture numbers;
    /// keys outside <c>Sim:</c> are ignored; missing keys keep their defaults.
    /// </summary>
    /// <param name="pairs">Configuration keys and values.</param>
    /// <param name="source">Where they came from, for error messages (e.g. the file names).</param>
    /// <returns>The options, validated.</returns>
    /// <exception cref="SimConfigException">An unknown <c>Sim:</c> key, a value that is not a number, or a value out of range; the message names the key, value and source.</exception>
    public static SimWorldOptions FromConfiguration(IEnumerable<KeyValuePair<string, string?>> pairs, string source)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var outcome = new StowOutcomeOptions();
        var arrival = new PodArrivalOptions();
        var induct = new InductErrorOptions();
        var sensor = new SensorNoiseOptions();
        var parts = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)
        {
            ["Outcome"] = outcome,
            ["Arrival"] = arrival,
            ["Induct"] = induct,
            ["Sensor"] = sensor,
        };
        foreach (var (key, value) in pairs)
        {
            var path = key.Split(':');
            if (path.Length == 0 || !path[0].Equals(Section, StringComparison.OrdinalIgnoreCase) || value is null)
            {
                continue;
            }

            if (path.Length != 3 || !parts.TryGetValue(path[1], out var part))
            {
                throw new SimConfigException($"{source}: unknown key '{key}' (expected Sim:Outcome:*, Sim:Arrival:*, Sim:Induct:* or Sim:Sensor:*)");
            }

            var property = part.GetType().GetProperty(path[2], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || property.PropertyType != typeof(double) || !property.CanWrite)
            {
                var known = string.Join(", ", part.GetType().GetProperties().Where(p => p.PropertyType == typeof(double)).Select(p => p.Name));
                throw new SimConfigException($"{source}: unknown key '{key}' (Sim:{path[1]} has {known})");
            }

            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                throw new SimConfigException($"{source}: '{key}' = '{value}' is not a finite number");
            }

            // The records are fresh instances owned here, so setting their init-only properties is safe.
            property.SetValue(part, number);
        }

        var options = new SimWorldOptions { Outcome = outcome, Arrival = arrival, Induct = induct, Sensor = sensor };
        options.Validate(source);
        return options;
    }

    /// <summary>Checks every range: probabilities in [0, 1], scales positive, sigmas non-negative, 0 ≤ MinFill ≤ MaxFill ≤ 1, MinRange &lt; MaxRange.</summary>
    /// <param name="source">Where the options came from, for error messages.</param>
    /// <exception cref="SimConfigException">The first value out of range, named as its configuration key.</exception>
    public void Validate(string source)
    {
        foreach (var p in typeof(StowOutcomeOptions).GetProperties().Where(p => p.PropertyType == typeof(double)))
        {
            var v = (double)p.GetValue(Outcome)!;
            if (StowOutcomeOptions.IsScale(p.Name) ? !(v > 0) : v is < 0 or > 1)
            {
                throw Range(source, "Outcome", p.Name, v, StowOutcomeOptions.IsScale(p.Name) ? "> 0" : "in [0, 1]");
            }
        }

        if (Arrival.MinFill < 0 || Arrival.MinFill > Arrival.MaxFill || Arrival.MaxFill > 1)
        {
            throw new SimConfigException($"{source}: Sim:Arrival needs 0 ≤ MinFill ≤ MaxFill ≤ 1, got MinFill {Arrival.MinFill.ToString(CultureInfo.InvariantCulture)}, MaxFill {Arrival.MaxFill.ToString(CultureInfo.InvariantCulture)}");
        }

        foreach (var p in typeof(InductErrorOptions).GetProperties().Where(p => p.PropertyType == typeof(double)))
        {
            var v = (double)p.GetValue(Induct)!;
            if (v < 0)
            {
                throw Range(source, "Induct", p.Name, v, "≥ 0");
            }
        }

        if (Sensor.DepthSigmaAt1M < 0 || Sensor.RgbSigma < 0 || Sensor.MinRange < 0)
        {
            throw new SimConfigException($"{source}: Sim:Sensor sigmas and MinRange must be ≥ 0");
        }

        if (Sensor.MaxRange <= Sensor.MinRange)
        {
            throw Range(source, "Sensor", nameof(SensorNoiseOptions.MaxRange), Sensor.MaxRange, "> MinRange");
        }
    }

    private static SimConfigException Range(string source, string part, string name, double value, string rule) =>
        new($"{source}: Sim:{part}:{name} = {value.ToString(CultureInfo.InvariantCulture)} is out of range (must be {rule})");
}
