using Stow.Core.Ids;
using Stow.Core.Space;

namespace Stow.Cell.Shift;

/// <summary>Perceives the pod at the station. Called from the shift thread only.</summary>
public interface IShiftPerception
{
    /// <summary>Estimates every bin from fresh frames captured at <paramref name="time"/> [s].</summary>
    PodSpaceEstimate Perceive(double time);

    /// <summary>Re-estimates one bin after a stow (cheap: one crop through the models).</summary>
    BinSpaceEstimate PerceiveBin(BinId bin, double time);
}
