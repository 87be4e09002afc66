namespace Stow.Hardware.Modbus;

/// <summary>What a request asked for, so that its response can be checked. Immutable value.</summary>
/// <param name="Unit">Server address 0..247 (0 = broadcast, writes only).</param>
/// <param name="Function">Function code.</param>
/// <param name="Address">First register address (0-based, as on the wire).</param>
/// <param name="Quantity">Registers read or written (1 for 0x06).</param>
/// <param name="Value">The value written by 0x06 (echoed back), else 0.</param>
public readonly record struct ModbusRequest(byte Unit, ModbusFunction Function, ushort Address, ushort Quantity, ushort Value = 0);
