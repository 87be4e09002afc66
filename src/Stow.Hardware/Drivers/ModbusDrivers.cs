using Stow.Hardware.Management;
using Stow.Hardware.Modbus;

namespace Stow.Hardware.Drivers;

/// <summary>
/// Registers the Modbus RTU drivers: <c>modbus.eoat</c> (<see cref="ModbusEoat"/>) and <c>modbus.band_separator</c>
/// (<see cref="ModbusBandSeparator"/>). Parameters: see <see cref="ModbusDeviceOptions"/>; <c>modbus.eoat</c> also
/// reads <c>maxPaddleGap</c>, <c>maxSqueezeForce</c>, <c>maxBeltSpeed</c>, <c>maxSpatulaExtension</c> [SI];
/// <c>modbus.band_separator</c> reads <c>maxRows</c>, <c>maxColumns</c>.
/// </summary>
public static class ModbusDrivers
{
    /// <summary>Type key of <see cref="ModbusEoat"/>.</summary>
    public const string EoatType = "modbus.eoat";

    /// <summary>Type key of <see cref="ModbusBandSeparator"/>.</summary>
    public const string BandSeparatorType = "modbus.band_separator";

    /// <summary>Registers both driver types.</summary>
    /// <param name="registry">Registry to fill.</param>
    /// <param name="deviceDirectory">Directory against which relative <c>device</c> paths resolve (null: the process's working directory).</param>
    public static void Register(HardwareRegistry registry, string? deviceDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(EoatType, c =>
        {
            var defaults = new ModbusEoatLimits();
            var limits = new ModbusEoatLimits
            {
                MaxPaddleGap = c.GetDouble("maxPaddleGap", defaults.MaxPaddleGap),
                MaxSqueezeForce = c.GetDouble("maxSqueezeForce", defaults.MaxSqueezeForce),
                MaxBeltSpeed = c.GetDouble("maxBeltSpeed", defaults.MaxBeltSpeed),
                MaxSpatulaExtension = c.GetDouble("maxSpatulaExtension", defaults.MaxSpatulaExtension),
            };
            return new ModbusEoat(c.Name, ModbusDeviceOptions.FromConfig(c, EoatRegisters.DefaultUnit, deviceDirectory), limits);
        });
        registry.Register(BandSeparatorType, c => new ModbusBandSeparator(
            c.Name,
            ModbusDeviceOptions.FromConfig(c, BandSeparatorRegisters.DefaultUnit, deviceDirectory),
            (int)c.GetInt64("maxRows", 26),
            (int)c.GetInt64("maxColumns", 16)));
    }
}
