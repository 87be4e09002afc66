using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Hardware.PodStation;

namespace Stow.Cell.Backends.Hal;

/// <summary>
/// The pod side of a live cell: the pod type from configuration, the pod id from the <see cref="IPodStation"/>, a swap
/// requested from it and completed by the operator's acknowledgement of the pod-swap prompt (the shift calls
/// <see cref="NextPod"/> only after that acknowledgement). <see cref="Apply"/> moves nothing (the real world already
/// has); it only counts the stowed item's volume, so <see cref="Density"/> is the volume this cell stowed into the pod
/// (what the pod held on arrival is unknown to it). Shift thread only.
/// </summary>
public sealed class HalShiftWorld : IShiftWorld
{
    private readonly IPodStation _station;
    private readonly double _podVolume;
    private double _stowedVolume;

    /// <summary>Creates the world.</summary>
    /// <param name="type">Pod type of the station's pods.</param>
    /// <param name="station">The pod station (Active).</param>
    public HalShiftWorld(PodType type, IPodStation station)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(station);
        PodType = type;
        _station = station;
        _podVolume = type.Bins.Sum(b => b.Volume);
    }

    /// <inheritdoc />
    public PodType PodType { get; }

    /// <inheritdoc />
    public PodId Pod => _station.State.Pod;

    /// <inheritdoc />
    /// <remarks>The volume this cell stowed into the pod at the station over the pod's bin volume.</remarks>
    public double Density => _podVolume > 0 ? _stowedVolume / _podVolume : 0;

    /// <summary>Raised when the next pod is at the station.</summary>
    public event EventHandler<PodId>? PodArrived;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The station refused the swap (not active).</exception>
    public void NextPod()
    {
        var requested = _station.RequestSwap();
        var arrived = _station.AcknowledgeArrival();
        if (requested != Hardware.Lifecycle.CommandStatus.Accepted || arrived != Hardware.Lifecycle.CommandStatus.Accepted)
        {
            throw new InvalidOperationException($"pod station refused the swap ({requested}, {arrived})");
        }

        _stowedVolume = 0;
        PodArrived?.Invoke(this, Pod);
    }

    /// <inheritdoc />
    public void Apply(StowAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var d = action.Item.Dimensions;
        _stowedVolume += d.Length * d.Width * d.Height;
    }
}
