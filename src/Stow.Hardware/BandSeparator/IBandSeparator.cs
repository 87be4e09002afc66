using Stow.Core.Ids;
using Stow.Hardware.Lifecycle;

namespace Stow.Hardware.BandSeparator;

/// <summary>
/// Hooks the elastic bands of one bin aside so the EOAT can reach in.
/// <para>Threading: control-loop thread; setters store values only.</para>
/// <para>Lifecycle: commands refused unless Active. <see cref="Engage"/> is accepted only when Idle;
/// <see cref="Release"/> when Engaging or Engaged.</para>
/// </summary>
public interface IBandSeparator : ICommandedComponent
{
    /// <summary>Latest states.</summary>
    BandSeparatorState State { get; }

    /// <summary>Requests engagement of the bands of <paramref name="bin"/>.</summary>
    /// <param name="bin">Target bin on the present pod face.</param>
    /// <returns>Accepted, NotActive, or Invalid when not Idle.</returns>
    CommandStatus Engage(BinId bin);

    /// <summary>Requests release of the bands.</summary>
    /// <returns>Accepted, NotActive, or Invalid when nothing is engaged.</returns>
    CommandStatus Release();
}
