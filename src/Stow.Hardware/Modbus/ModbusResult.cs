namespace Stow.Hardware.Modbus;

/// <summary>Result of one Modbus transaction (after retries). Immutable value.</summary>
/// <param name="Status">Outcome of the last attempt.</param>
/// <param name="ExceptionCode">The server's exception code when <see cref="Status"/> is <see cref="ModbusStatus.ExceptionResponse"/>, else None.</param>
/// <param name="Attempts">Attempts made (1 + retries); 0 when faulted.</param>
public readonly record struct ModbusResult(ModbusStatus Status, ModbusExceptionCode ExceptionCode, int Attempts)
{
    /// <summary>True for <see cref="ModbusStatus.Ok"/>.</summary>
    public bool IsOk => Status == ModbusStatus.Ok;
}
