using Stow.Hardware.Modbus;

namespace Stow.Sim.Emulators;

/// <summary>
/// Fault injection for an emulator's responses, installed as <see cref="ModbusRtuServer.Tamper"/>: the next
/// <c>count</c> responses are altered as <see cref="LineFault"/> says, then the line is clean again.
/// Threading: <see cref="Inject"/> and <see cref="Clear"/> from any thread; <see cref="Apply"/> on the serving thread.
/// </summary>
public sealed class LineFaultInjector
{
    private readonly Lock _lock = new();
    private LineFault _fault;
    private long _remaining;
    private long _injected;

    /// <summary>Responses altered so far.</summary>
    public long Injected => Interlocked.Read(ref _injected);

    /// <summary>Responses still to alter under the present fault.</summary>
    public long Remaining
    {
        get
        {
            lock (_lock)
            {
                return _remaining;
            }
        }
    }

    /// <summary>Alters the next <paramref name="count"/> responses (default: until <see cref="Clear"/>).</summary>
    /// <param name="fault">What to do to them.</param>
    /// <param name="count">How many responses, ≥ 1.</param>
    public void Inject(LineFault fault, long count = long.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_lock)
        {
            _fault = fault;
            _remaining = fault == LineFault.None ? 0 : count;
        }
    }

    /// <summary>Stops injecting.</summary>
    public void Clear() => Inject(LineFault.None);

    /// <summary>The bytes to send for <paramref name="response"/> (a complete frame with CRC), or null for silence.</summary>
    /// <param name="response">The correct response.</param>
    /// <returns>What goes on the line.</returns>
    public byte[]? Apply(byte[] response)
    {
        ArgumentNullException.ThrowIfNull(response);
        LineFault fault;
        lock (_lock)
        {
            if (_remaining <= 0)
            {
                return response;
            }

            _remaining--;
            fault = _fault;
        }

        Interlocked.Increment(ref _injected);
        switch (fault)
        {
            case LineFault.CrcError:
                var bad = (byte[])response.Clone();
                bad[^1] ^= 0x01;
                return bad;
            case LineFault.Truncated:
                return response[..(response.Length / 2)];
            case LineFault.Garbage:
                var noise = new byte[response.Length];
                for (var i = 0; i < noise.Length; i++)
                {
                    noise[i] = (byte)(i % 2 == 0 ? 0xAA : 0x55);
                }

                return noise;
            case LineFault.Silence:
                return null;
            case LineFault.ImplausibleValues when response.Length > 5 && response[1] == (byte)ModbusFunction.ReadHoldingRegisters:
                var frame = (byte[])response.Clone();
                frame.AsSpan(3, frame.Length - 5).Fill(0xFF);
                ModbusCrc.Append(frame, frame.Length - 2);
                return frame;
            default:
                return response;
        }
    }
}
