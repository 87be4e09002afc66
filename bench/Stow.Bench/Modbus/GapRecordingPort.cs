using System.Diagnostics;
using Stow.Hardware.Serial;

namespace Stow.Bench.Modbus;

/// <summary>
/// An <see cref="ISerialPort"/> decorator that measures the master's inter-frame silence as seen at the port: the time
/// from the end of the last read that returned bytes (the end of a response) to the start of the next write (the next
/// request). Single owner thread, as the port it wraps.
/// </summary>
internal sealed class GapRecordingPort(ISerialPort inner) : ISerialPort
{
    private readonly List<double> _gapsMs = new(100_000);
    private long _lastRead;

    public SerialPortOptions Options => inner.Options;

    public bool IsOpen => inner.IsOpen;

    /// <summary>The gaps measured so far [ms].</summary>
    public IReadOnlyList<double> GapsMs => _gapsMs;

    public void Open() => inner.Open();

    public void Close() => inner.Close();

    public void Reopen() => inner.Reopen();

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        var n = inner.Read(buffer, timeout);
        if (n > 0)
        {
            _lastRead = Stopwatch.GetTimestamp();
        }

        return n;
    }

    public void Write(ReadOnlySpan<byte> data, TimeSpan timeout)
    {
        if (_lastRead != 0)
        {
            _gapsMs.Add((Stopwatch.GetTimestamp() - _lastRead) * 1000.0 / Stopwatch.Frequency);
            _lastRead = 0;
        }

        inner.Write(data, timeout);
    }

    public void DiscardInput() => inner.DiscardInput();

    public void Dispose() => inner.Dispose();

    /// <summary>One line: count, minimum, median and 99th percentile of the gaps [ms].</summary>
    public string Summary()
    {
        if (_gapsMs.Count == 0)
        {
            return "no gaps";
        }

        var s = _gapsMs.Order().ToArray();
        double P(double q) => s[Math.Min(s.Length - 1, (int)(q * s.Length))];
        return FormattableString.Invariant($"n={s.Length}, min {s[0]:0.000} ms, p50 {P(0.5):0.000} ms, p99 {P(0.99):0.000} ms");
    }
}
