using Stow.Core.Ids;

namespace Stow.Hardware.BandSeparator;

/// <summary>One sample of the band separator.</summary>
public struct BandSeparatorState
{
    /// <summary>Current phase.</summary>
    public BandSeparatorPhase Phase;

    /// <summary>The bin being engaged, engaged or released; meaningful unless <see cref="BandSeparatorPhase.Idle"/>.</summary>
    public BinId Bin;

    /// <summary>Time of this sample [s].</summary>
    public double Stamp;
}
