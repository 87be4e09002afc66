namespace Stow.Hardware.Modbus;

using Stow.Hardware.Serial;

/// <summary>
/// Modbus RTU server ("slave") holding a bank of registers, serving 0x03, 0x06 and 0x10 on one serial line: the base
/// of the device emulators that stand in for the EOAT and band-separator controllers, and of driver tests.
/// Threading: <see cref="ServeOne"/>/<see cref="Run"/> on one thread; the register indexer and <see cref="Tamper"/>
/// may be used from others (registers are guarded by a lock).
/// </summary>
/// <remarks>
/// As the standard asks (Modbus over Serial Line v1.02 §2.4.1): frames with a bad CRC or for another unit get no
/// answer; broadcasts (unit 0) are acted on without an answer. Exception codes: 01 unknown function, 02 address
/// range outside the bank, 03 bad quantity or byte count.
/// </remarks>
public sealed class ModbusRtuServer
{
    private readonly ISerialPort _port;
    private readonly ushort[] _registers;
    private readonly Lock _lock = new();
    private readonly byte[] _rx = new byte[ModbusFrame.MaxLength];
    private readonly byte[] _tx = new byte[ModbusFrame.MaxLength];

    /// <summary>Creates a server for unit <paramref name="unit"/> with <paramref name="registerCount"/> registers (all 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unit outside 1..247 or count outside 1..65536.</exception>
    public ModbusRtuServer(ISerialPort port, byte unit, int registerCount)
    {
        ArgumentOutOfRangeException.ThrowIfZero(unit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(unit, (byte)247);
        ArgumentOutOfRangeException.ThrowIfLessThan(registerCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(registerCount, 65536);
        _port = port;
        Unit = unit;
        _registers = new ushort[registerCount];
    }

    /// <summary>This server's unit address.</summary>
    public byte Unit { get; }

    /// <summary>Silence that ends a request early [default 20 ms].</summary>
    public TimeSpan InterCharacterTimeout { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Optional hook (fault injection): receives each response frame and returns the bytes to send instead, or null to
    /// stay silent. Called on the serving thread.
    /// </summary>
    public Func<byte[], byte[]?>? Tamper { get; set; }

    /// <summary>Called after a master wrote registers (first address, count), on the serving thread.</summary>
    public Action<int, int>? Written { get; set; }

    /// <summary>Requests answered (including exception responses).</summary>
    public long Served { get; private set; }

    /// <summary>Requests dropped for a bad CRC.</summary>
    public long CrcErrors { get; private set; }

    /// <summary>Number of registers.</summary>
    public int Count => _registers.Length;

    /// <summary>A register's value.</summary>
    /// <exception cref="IndexOutOfRangeException">Address outside the bank.</exception>
    public ushort this[int address]
    {
        get
        {
            lock (_lock)
            {
                return _registers[address];
            }
        }

        set
        {
            lock (_lock)
            {
                _registers[address] = value;
            }
        }
    }

    /// <summary>Serves requests until cancelled. Opens the port if needed.</summary>
    /// <exception cref="SerialPortException">The line failed or disconnected.</exception>
    public void Run(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            ServeOne(TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for one request and answers it; false when none came.</summary>
    /// <exception cref="SerialPortException">The line failed or disconnected.</exception>
    public bool ServeOne(TimeSpan timeout)
    {
        if (!_port.IsOpen)
        {
            _port.Open();
        }

        var n = _port.Read(_rx, timeout);
        if (n == 0)
        {
            return false;
        }

        while (n < _rx.Length && (RequestLength(_rx.AsSpan(0, n)) is var need && (need < 0 || n < need)))
        {
            var got = _port.Read(_rx.AsSpan(n), InterCharacterTimeout);
            if (got == 0)
            {
                break;
            }

            n += got;
        }

        var expected = RequestLength(_rx.AsSpan(0, n));
        var length = Respond(_rx.AsSpan(0, expected > 0 ? Math.Min(expected, n) : n), _tx);
        if (length == 0)
        {
            return true;
        }

        var response = _tx.AsSpan(0, length).ToArray();
        var send = Tamper is { } t ? t(response) : response;
        if (send is { Length: > 0 })
        {
            _port.Write(send, TimeSpan.FromSeconds(1));
        }

        return true;
    }

    /// <summary>
    /// Acts on one complete request frame and writes the answer into <paramref name="response"/> (at least
    /// <see cref="ModbusFrame.MaxLength"/> bytes). Returns the answer's length, or 0 when the request gets none (bad
    /// CRC, another unit, a broadcast). Never throws on any frame. Call from the serving thread only.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="response"/> is shorter than <see cref="ModbusFrame.MaxLength"/>.</exception>
    public int Respond(ReadOnlySpan<byte> frame, Span<byte> response)
    {
        if (response.Length < ModbusFrame.MaxLength)
        {
            throw new ArgumentException($"the response buffer needs {ModbusFrame.MaxLength} bytes", nameof(response));
        }

        if (!ModbusCrc.IsValid(frame))
        {
            CrcErrors++;
            return 0;
        }

        if (frame[0] != Unit && frame[0] != 0)
        {
            return 0;
        }

        var length = Handle(frame, response);
        if (frame[0] == 0)
        {
            return 0;
        }

        Served++;
        return length;
    }

    /// <summary>Length of a request from its header: -1 unknown yet (or unknown function: read until silence).</summary>
    private static int RequestLength(ReadOnlySpan<byte> head)
    {
        if (head.Length < 2)
        {
            return -1;
        }

        return head[1] switch
        {
            (byte)ModbusFunction.ReadHoldingRegisters or (byte)ModbusFunction.WriteSingleRegister => 8,
            (byte)ModbusFunction.WriteMultipleRegisters => head.Length < 7 ? -1 : 9 + head[6],
            _ => -1,
        };
    }

    private int Handle(ReadOnlySpan<byte> f, Span<byte> tx)
    {
        tx[0] = f[0];
        tx[1] = f[1];
        if (f.Length < 8)
        {
            return Exception(tx, ModbusExceptionCode.IllegalFunction);
        }

        var address = ModbusFrame.Get(f, 2);
        var q = ModbusFrame.Get(f, 4);
        switch (f[1])
        {
            case (byte)ModbusFunction.ReadHoldingRegisters:
                if (q is < 1 or > ModbusFrame.MaxReadQuantity)
                {
                    return Exception(tx, ModbusExceptionCode.IllegalDataValue);
                }

                if (address + q > _registers.Length)
                {
                    return Exception(tx, ModbusExceptionCode.IllegalDataAddress);
                }

                tx[2] = (byte)(2 * q);
                lock (_lock)
                {
                    for (var i = 0; i < q; i++)
                    {
                        ModbusFrame.Put(tx, 3 + (2 * i), _registers[address + i]);
                    }
                }

                return ModbusCrc.Append(tx, 3 + (2 * q));
            case (byte)ModbusFunction.WriteSingleRegister:
                if (address >= _registers.Length)
                {
                    return Exception(tx, ModbusExceptionCode.IllegalDataAddress);
                }

                this[address] = q;
                Written?.Invoke(address, 1);
                f[2..6].CopyTo(tx[2..]);
                return ModbusCrc.Append(tx, 6);
            case (byte)ModbusFunction.WriteMultipleRegisters:
                if (q is < 1 or > ModbusFrame.MaxWriteQuantity || f.Length != 9 + (2 * q) || f[6] != 2 * q)
                {
                    return Exception(tx, ModbusExceptionCode.IllegalDataValue);
                }

                if (address + q > _registers.Length)
                {
                    return Exception(tx, ModbusExceptionCode.IllegalDataAddress);
                }

                lock (_lock)
                {
                    for (var i = 0; i < q; i++)
                    {
                        _registers[address + i] = ModbusFrame.Get(f, 7 + (2 * i));
                    }
                }

                Written?.Invoke(address, q);
                f[2..6].CopyTo(tx[2..]);
                return ModbusCrc.Append(tx, 6);
            default:
                return Exception(tx, ModbusExceptionCode.IllegalFunction);
        }
    }

    private static int Exception(Span<byte> tx, ModbusExceptionCode code)
    {
        tx[1] |= 0x80;
        tx[2] = (byte)code;
        return ModbusCrc.Append(tx, 3);
    }
}
