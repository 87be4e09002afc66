using Stow.Cell.Mqtt;
using Stow.Cell.PackML;
using Stow.Cell.Shift;
using Stow.Core.Pods;
using Stow.Core.Space;

namespace Stow.Cell.Hmi;

/// <summary>
/// The model the HMI page shows, fed by the events the cell already raises (PackML transitions, the operator link's
/// prompts and connection, the shift's progress and attempts), and the one way the HMI reaches the cell
/// (<see cref="Acknowledge"/>, <see cref="Command"/>). Lives as long as the host; a shift attaches itself with
/// <see cref="Attach"/> and detaches by disposing what it returned. Thread-safe: the feeding events arrive on the shift
/// thread and MQTTnet's receive task, readers on Kestrel's threads; every member takes one lock briefly.
/// </summary>
/// <param name="time">Wall clock stamping alarms; null for <see cref="TimeProvider.System"/>.</param>
public sealed partial class HmiState(TimeProvider? time = null)
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Dictionary<string, HmiSnapshot.AlarmView> _alarms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _promptSeen = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;
    private long _lastFrameAt;
    private Attachment? _shift;
    private string _state = nameof(PackMlState.Stopped);
    private string _mode = nameof(UnitMode.Production);
    private DateTimeOffset _stateSince;
    private PodType? _podType;
    private ShiftProgress? _progress;
    private HmiSnapshot.StowView? _stow;
    private string? _stowBin;
    private bool _mqttConnected;
    private HmiFrameImage? _frame;
    private HmiSnapshot.FrameView? _frameView;

    /// <summary>Most camera frames a second the HMI takes (<see cref="WantsFrame"/>).</summary>
    public const double FramesPerSecond = 4;

    /// <summary>The current snapshot (a new object per change; cheap to call).</summary>
    public HmiSnapshot Snapshot()
    {
        // The link's prompts and the state machine's allowed commands are read outside this lock: the machine raises its
        // transition events (which take this lock) while holding its own.
        var shift = Volatile.Read(ref _shift);
        var pending = shift?.Link.PendingPrompts ?? [];
        var allowed = shift is null ? [] : HmiEndpoints.SupervisorCommands.Where(shift.States.Cell.CanExecute).Select(c => c.ToString()).ToList();
        lock (_gate)
        {
            // Most urgent first: a jam stops the cell, a pod swap starves it, an exception item only waits in the chute.
            var prompts = pending.OrderBy(p => p.Kind switch { PromptKind.ClearJam => 0, PromptKind.PodSwap => 1, _ => 2 })
                .ThenBy(Seen).Select(p => ToView(p, Seen(p))).ToList();
            var alarms = _alarms.Values.Concat(pending.Where(p => p.Kind == PromptKind.ClearJam)
                .Select(p => new HmiSnapshot.AlarmView("prompt-" + p.Id, "fault", p.Message, Seen(p))))
                .OrderBy(a => a.Since).ToList();
            var p = _progress;
            var figures = p is null
                ? new HmiSnapshot.FiguresView(0, 0, 0, 0, 0, 0, 0)
                : new HmiSnapshot.FiguresView(p.SimTime > 0 ? p.Stowed / (p.SimTime / 3600) : 0, p.Stowed, p.Inducted, p.Attempted, p.Exceptions, p.Pods, p.SimTime);
            return new HmiSnapshot(_version, shift is not null, _state, _mode, _stateSince, Pod(), _stow, prompts, alarms, figures, _frameView, _mqttConnected, allowed);
        }
    }

    /// <summary>Waits until the version differs from <paramref name="seen"/> or <paramref name="timeout"/> passes.</summary>
    /// <returns>True when it changed; false on timeout.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> fired.</exception>
    public async Task<bool> WaitForChangeAsync(long seen, TimeSpan timeout, CancellationToken cancel)
    {
        Task changed;
        lock (_gate)
        {
            if (_version != seen)
            {
                return true;
            }

            changed = _changed.Task;
        }

        try
        {
            await changed.WaitAsync(timeout, _time, cancel);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The latest camera frame as PNG with its overlay drawn in, and its sequence number; null when none.</summary>
    public HmiFrameImage? Frame()
    {
        lock (_gate)
        {
            return _frame;
        }
    }

    /// <summary>
    /// True when a new frame is worth building: at most <see cref="FramesPerSecond"/> a second (a simulated shift
    /// perceives far faster than anyone can look); claims the slot, so call it once per candidate frame.
    /// </summary>
    public bool WantsFrame()
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (_lastFrameAt != 0 && _time.GetElapsedTime(_lastFrameAt, now) < TimeSpan.FromSeconds(1.0 / FramesPerSecond))
            {
                return false;
            }

            _lastFrameAt = now;
            return true;
        }
    }

    /// <summary>Shows a new camera frame (any thread). The PNG is encoded here, outside the lock.</summary>
    public void ShowFrame(HmiFrame frame)
    {
        var png = HmiPng.EncodeWithMask(frame);
        lock (_gate)
        {
            var seq = (_frame?.Seq ?? 0) + 1;
            _frame = new HmiFrameImage(seq, png);
            _frameView = new HmiSnapshot.FrameView(seq, frame.Width, frame.Height, frame.Bin, frame.Bins, frame.Label);
            Bump();
        }
    }

    /// <summary>An operator acknowledges a prompt from the HMI: the same event as an acknowledgement over MQTT
    /// (<see cref="MqttOperatorLink.Acknowledge"/>), journaled once with <paramref name="user"/>.</summary>
    public HmiAckResult Acknowledge(string promptId, string user)
    {
        var link = Volatile.Read(ref _shift)?.Link;
        if (link is null)
        {
            return HmiAckResult.NoShift;
        }

        var ok = link.Acknowledge(promptId, user, "acknowledged at the HMI", "hmi");
        Changed();
        return ok ? HmiAckResult.Acknowledged : HmiAckResult.NotPending;
    }

    /// <summary>A supervisor's PackML command (the caller has checked the role): the command, then SC for the acting state it leads to.</summary>
    /// <returns>Null when no shift is attached; otherwise whether the state machine accepted it.</returns>
    public bool? Command(PackMlCommand command)
    {
        var states = Volatile.Read(ref _shift)?.States;
        return states?.Command(command);
    }

    private void Changed()
    {
        lock (_gate)
        {
            Bump();
        }
    }

    private void Bump()
    {
        _version++;
        _changed.TrySetResult();
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private HmiSnapshot.PodView? Pod()
    {
        var p = _progress;
        if (_podType is null || p?.Pod is not { } pod)
        {
            return null;
        }

        var estimate = p.Estimate?.Pod == pod ? p.Estimate : null;
        var blocked = p.BlockedBins ?? [];
        var rows = _podType.Bins
            .GroupBy(b => b.Id.Row)
            .OrderByDescending(g => g.Min(b => b.FloorHeight))
            .Select(g => (IReadOnlyList<HmiSnapshot.BinView>)g.OrderBy(b => b.Id.Column).Select(b =>
            {
                var e = estimate?.Bins.FirstOrDefault(x => x.Bin == b.Id);
                double? fill = e is null ? null : Math.Clamp(1 - (e.FreeVolume / b.Volume), 0, 1);
                return new HmiSnapshot.BinView(b.Id.ToString(), b.OpeningWidth, fill, _stow is { Active: true } && _stowBin == b.Id.ToString(), blocked.Contains(b.Id));
            }).ToList())
            .ToList();
        return new HmiSnapshot.PodView(pod.ToString(), _podType.Name, p.PodFill, rows);
    }

    /// <summary>When the HMI first saw the prompt (wall time; the prompt's own stamp is the cell's clock, simulated in a simulation).</summary>
    private DateTimeOffset Seen(OperatorPrompt p) => _promptSeen.TryGetValue(p.Id, out var t) ? t : _time.GetUtcNow();

    private static HmiSnapshot.PromptView ToView(OperatorPrompt p, DateTimeOffset seen) => p.Kind switch
    {
        PromptKind.PodSwap => new(p.Id, p.Kind.ToString(), "Pod swap", p.Message + " Send the full pod away and bring the next one to the face.", seen),
        PromptKind.ClearJam => new(p.Id, p.Kind.ToString(), "Clear a jam", p.Message, seen),
        _ => new(p.Id, p.Kind.ToString(), "Take an exception item", p.Message, seen),
    };
}
