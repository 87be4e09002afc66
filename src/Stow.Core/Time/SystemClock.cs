using System.Diagnostics;

namespace Stow.Core.Time;

/// <summary>Wall clock: monotonic seconds from <see cref="Stopwatch"/> since construction. Thread-safe.</summary>
public sealed class SystemClock : IClock
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset _startUtc = DateTimeOffset.UtcNow;

    /// <inheritdoc />
    public double Now => Stopwatch.GetElapsedTime(_start).TotalSeconds;

    /// <inheritdoc />
    public DateTimeOffset UtcNow => _startUtc.AddSeconds(Now);
}
