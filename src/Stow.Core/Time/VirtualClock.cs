namespace Stow.Core.Time;

/// <summary>
/// A clock that only moves when told (<see cref="Advance"/>): the simulator's and the tests' time.
/// Reads and advances are thread-safe (interlocked on the tick count); the epoch is fixed so runs
/// are reproducible.
/// </summary>
public sealed class VirtualClock : IClock
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long _ticks;

    /// <summary>Creates a clock at <paramref name="start"/> seconds.</summary>
    public VirtualClock(double start = 0) => _ticks = ToTicks(start);

    /// <inheritdoc />
    public double Now => Interlocked.Read(ref _ticks) / (double)TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public DateTimeOffset UtcNow => Epoch.AddTicks(Interlocked.Read(ref _ticks));

    /// <summary>Moves time forward by <paramref name="seconds"/> (≥ 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or non-finite step.</exception>
    public void Advance(double seconds)
    {
        if (!(seconds >= 0) || !double.IsFinite(seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "a clock only moves forward");
        }

        Interlocked.Add(ref _ticks, ToTicks(seconds));
    }

    private static long ToTicks(double s) => (long)Math.Round(s * TimeSpan.TicksPerSecond);
}
