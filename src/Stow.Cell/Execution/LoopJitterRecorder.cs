using Stow.Motion.Loop;

namespace Stow.Cell.Execution;

/// <summary>
/// Keeps the last <see cref="Capacity"/> per-cycle jitter samples |period − nominal| [s] of the control loop in a
/// preallocated ring (no allocation in <see cref="Update"/>). The first cycle after the loop was idle (the
/// shift's clock advanced between stows) is skipped: its period is the idle gap, not a loop period.
/// Threading: <see cref="Update"/> on the loop thread; <see cref="CopyMs"/> when the loop is not running.
/// </summary>
internal sealed class LoopJitterRecorder : IController
{
    public const int Capacity = 1 << 16;

    private readonly double[] _samples = new double[Capacity];
    private readonly double _nominal;
    private long _count;
    private bool _skipNext = true;

    public LoopJitterRecorder(double nominalPeriod) => _nominal = nominalPeriod;

    /// <summary>The next cycle follows an idle gap; do not record it.</summary>
    public void SkipNext() => _skipNext = true;

    public void Update(double time, double period)
    {
        if (_skipNext)
        {
            _skipNext = false;
            return;
        }

        _samples[_count % Capacity] = Math.Abs(period - _nominal);
        _count++;
    }

    /// <summary>The samples kept, oldest first, in milliseconds (allocates).</summary>
    public double[] CopyMs()
    {
        var n = (int)Math.Min(_count, Capacity);
        var result = new double[n];
        var start = _count - n;
        for (var i = 0; i < n; i++)
        {
            result[i] = _samples[(start + i) % Capacity] * 1000;
        }

        return result;
    }
}
