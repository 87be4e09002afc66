using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Core.Time;
using Stow.Hardware.PodStation;

namespace Stow.Cell.Backends.Hal;

/// <summary>
/// The pod side of a cell on the HAL: the pod type from configuration, the pod id from the <see cref="IPodStation"/>, a swap
/// requested from it and completed either by the operator's acknowledgement of the pod-swap prompt (an operator-reported
/// station; the shift calls <see cref="NextPod"/> only after that acknowledgement) or, for a station with a drive-unit
/// interface (the simulator's), when the station reports the next pod Arrived: the world then drives the station's
/// Write/Read cycles itself and waits between them on the shift's clock. <see cref="Apply"/> moves nothing (the real world already
/// has); it only counts the stowed item's volume, so <see cref="Density"/> is the volume this cell stowed into the pod
/// (what the pod held on arrival is unknown to it). Shift thread only.
/// </summary>
public sealed class HalShiftWorld : IShiftWorld
{
    private readonly IPodStation _station;
    private readonly double _podVolume;
    private readonly IClock? _clock;
    private readonly Action<double>? _wait;
    private readonly double _poll;
    private readonly double _timeout;
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

    /// <summary>Creates the world over a station whose swaps complete on their own (a drive-unit interface).</summary>
    /// <param name="type">Pod type of the station's pods.</param>
    /// <param name="station">The pod station (Active); this world runs its Write/Read cycles during a swap.</param>
    /// <param name="clock">The shift's clock (cycle times).</param>
    /// <param name="wait">Waits the given seconds on <paramref name="clock"/> (a virtual clock advances; a wall clock sleeps).</param>
    /// <param name="poll">Cycle period while waiting for the arrival [s], &gt; 0.</param>
    /// <param name="timeout">Longest wait for an arrival [s], &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="poll"/> or <paramref name="timeout"/> is not positive.</exception>
    public HalShiftWorld(PodType type, IPodStation station, IClock clock, Action<double> wait, double poll = 0.1, double timeout = 600)
        : this(type, station)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(wait);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(poll);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeout);
        _clock = clock;
        _wait = wait;
        _poll = poll;
        _timeout = timeout;
    }

    /// <summary>The pod station.</summary>
    public IPodStation Station => _station;

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
    /// <exception cref="InvalidOperationException">The station refused the swap (not active), failed a cycle, or did not
    /// report an arrival within the timeout.</exception>
    public void NextPod()
    {
        if (_clock is not null && _wait is not null)
        {
            DriveSwap(_clock, _wait);
            return;
        }

        var requested = _station.RequestSwap();
        var arrived = _station.AcknowledgeArrival();
        if (requested != Hardware.Lifecycle.CommandStatus.Accepted || arrived != Hardware.Lifecycle.CommandStatus.Accepted)
        {
            throw new InvalidOperationException($"pod station refused the swap ({requested}, {arrived})");
        }

        _stowedVolume = 0;
        PodArrived?.Invoke(this, Pod);
    }

    /// <summary>Requests the swap, cycles the station until the next pod has arrived, acknowledges it.</summary>
    private void DriveSwap(IClock clock, Action<double> wait)
    {
        var requested = _station.RequestSwap();
        if (requested != Hardware.Lifecycle.CommandStatus.Accepted)
        {
            throw new InvalidOperationException($"pod station '{_station.Name}' refused the swap ({requested})");
        }

        var start = clock.Now;
        Cycle(clock.Now, 0);
        while (_station.State.Swap != PodSwapPhase.Arrived)
        {
            if (clock.Now - start > _timeout)
            {
                throw new InvalidOperationException($"pod station '{_station.Name}' reported no arrival within {_timeout} s of the swap request (phase {_station.State.Swap})");
            }

            wait(_poll);
            Cycle(clock.Now, _poll);
        }

        var arrived = _station.AcknowledgeArrival();
        if (arrived != Hardware.Lifecycle.CommandStatus.Accepted)
        {
            throw new InvalidOperationException($"pod station '{_station.Name}' refused the arrival acknowledgement ({arrived})");
        }

        Cycle(clock.Now, 0);
        _stowedVolume = 0;
        PodArrived?.Invoke(this, Pod);
    }

    private void Cycle(double time, double period)
    {
        if (_station.Write(time, period) != Hardware.Lifecycle.HardwareResult.Ok || _station.Read(time, period) != Hardware.Lifecycle.HardwareResult.Ok)
        {
            throw new InvalidOperationException($"pod station '{_station.Name}' failed a cycle during the swap: {_station.LastError}");
        }
    }

    /// <inheritdoc />
    public void Apply(StowAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var d = action.Item.Dimensions;
        _stowedVolume += d.Length * d.Width * d.Height;
    }
}
