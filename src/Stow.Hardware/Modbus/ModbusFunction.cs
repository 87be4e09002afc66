namespace Stow.Hardware.Modbus;

/// <summary>Modbus function codes used by the cell (Modbus Application Protocol v1.1b3 §6).</summary>
public enum ModbusFunction : byte
{
    /// <summary>0x03 Read Holding Registers (1..125 registers).</summary>
    ReadHoldingRegisters = 0x03,

    /// <summary>0x06 Write Single Register.</summary>
    WriteSingleRegister = 0x06,

    /// <summary>0x10 Write Multiple Registers (1..123 registers).</summary>
    WriteMultipleRegisters = 0x10,
}
