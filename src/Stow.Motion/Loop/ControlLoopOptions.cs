namespace Stow.Motion.Loop;

/// <summary>Control loop settings.</summary>
public sealed record ControlLoopOptions
{
    /// <summary>Cycle rate [Hz]; the contract allows 500–1000 Hz.</summary>
    public double RateHz { get; init; } = 1000;

    /// <summary>Nominal period [s].</summary>
    public double Period => 1.0 / RateHz;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside 500–1000 Hz.</exception>
    public void Validate()
    {
        if (!(RateHz is >= 500 and <= 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(RateHz), RateHz, "the control loop runs at 500–1000 Hz");
        }
    }
}
