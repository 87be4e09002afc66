using Stow.Motion.Loop;

namespace Stow.Motion.Tests.Support;

/// <summary>
/// A deadline timer whose time moves only when told: <see cref="SleepUntil"/> records the deadline asked for and
/// wakes <see cref="NextLateness"/> after it (or at once when the deadline has passed); every
/// <see cref="NowNanoseconds"/> read advances time by <see cref="ReadCost"/> so a spin loop terminates.
/// </summary>
public sealed class ScriptedDeadlineTimer(long start = 1_000_000_000) : IDeadlineTimer
{
    public long Now { get; private set; } = start;

    public List<long> Deadlines { get; } = [];

    /// <summary>How late the next sleep wakes after its deadline [ns]; used once, then reset to <see cref="Lateness"/>.</summary>
    public long? NextLateness { get; set; }

    /// <summary>How late every sleep wakes unless <see cref="NextLateness"/> says otherwise [ns].</summary>
    public long Lateness { get; set; }

    public long ReadCost { get; set; }

    public long NowNanoseconds()
    {
        var t = Now;
        Now += ReadCost;
        return t;
    }

    public void SleepUntil(long deadlineNanoseconds)
    {
        Deadlines.Add(deadlineNanoseconds);
        var late = NextLateness ?? Lateness;
        NextLateness = null;
        if (deadlineNanoseconds > Now)
        {
            Now = deadlineNanoseconds + late;
        }
    }

    /// <summary>Time spent outside the pacer (the loop body).</summary>
    public void Advance(long nanoseconds) => Now += nanoseconds;
}
