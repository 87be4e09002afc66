using Stow.Hardware.Management;

namespace Stow.Sim.Devices.Eoat;

/// <summary>
/// Actuator model of the simulated EOAT. All values are assumptions of this design (no datasheet yet),
/// chosen in the range of small belt conveyors and linear axes. Config keys: the property names in camelCase.
/// </summary>
public sealed record SimEoatOptions
{
    /// <summary>Paddle closing/opening speed [m/s].</summary>
    public double PaddleSpeed { get; init; } = 0.1;

    /// <summary>Largest paddle gap [m].</summary>
    public double MaxPaddleGap { get; init; } = 0.3;

    /// <summary>Item stiffness across the paddles [N/m], for the squeeze force k·(width − gap).</summary>
    public double ItemSqueezeStiffness { get; init; } = 2000;

    /// <summary>Largest belt surface speed [m/s].</summary>
    public double MaxBeltSpeed { get; init; } = 0.5;

    /// <summary>Belt speed time constant [s] (first order).</summary>
    public double BeltTimeConstant { get; init; } = 0.05;

    /// <summary>Spatula extension speed [m/s].</summary>
    public double SpatulaSpeed { get; init; } = 0.3;

    /// <summary>Belt motor current with no load at standstill [A].</summary>
    public double NoLoadCurrent { get; init; } = 0.3;

    /// <summary>Belt motor current per belt speed [A·s/m].</summary>
    public double CurrentPerSpeed { get; init; } = 1.0;

    /// <summary>Extra current per kilogram of held item [A/kg].</summary>
    public double CurrentPerKilogram { get; init; } = 0.4;

    /// <summary>Stall current of a jammed belt motor [A].</summary>
    public double StallCurrent { get; init; } = 3.5;

    /// <summary>Reads options from params; missing keys keep defaults.</summary>
    /// <param name="c">Component configuration.</param>
    /// <returns>The options.</returns>
    public static SimEoatOptions FromConfig(ComponentConfig c)
    {
        var d = new SimEoatOptions();
        return new SimEoatOptions
        {
            PaddleSpeed = c.GetDouble("paddleSpeed", d.PaddleSpeed),
            MaxPaddleGap = c.GetDouble("maxPaddleGap", d.MaxPaddleGap),
            ItemSqueezeStiffness = c.GetDouble("itemSqueezeStiffness", d.ItemSqueezeStiffness),
            MaxBeltSpeed = c.GetDouble("maxBeltSpeed", d.MaxBeltSpeed),
            BeltTimeConstant = c.GetDouble("beltTimeConstant", d.BeltTimeConstant),
            SpatulaSpeed = c.GetDouble("spatulaSpeed", d.SpatulaSpeed),
            NoLoadCurrent = c.GetDouble("noLoadCurrent", d.NoLoadCurrent),
            CurrentPerSpeed = c.GetDouble("currentPerSpeed", d.CurrentPerSpeed),
            CurrentPerKilogram = c.GetDouble("currentPerKilogram", d.CurrentPerKilogram),
            StallCurrent = c.GetDouble("stallCurrent", d.StallCurrent),
        };
    }
}
