using Stow.Cell.Mqtt;
using Stow.Cell.PackML;
using Stow.Cell.Shift;
using Stow.Core.Pods;

namespace Stow.Cell.Hmi;

/// <summary>How a shift feeds the HMI model: subscriptions to the events the cell already raises.</summary>
public sealed partial class HmiState
{
    /// <summary>
    /// Attaches a shift: the HMI shows the state of <paramref name="states"/>' cell, <paramref name="link"/>'s prompts and connection,
    /// and <paramref name="runner"/>'s progress (null: no shift figures), and sends acknowledgements and commands to them.
    /// A later attach replaces an earlier one.
    /// </summary>
    /// <returns>Disposing it detaches (unsubscribes; the HMI then shows no cell to command).</returns>
    /// <param name="states">The shift's PackML port (commands from the HMI run the same acting-state work as the shift's own).</param>
    /// <param name="link">The operator link (prompts, acknowledgements, connection).</param>
    /// <param name="podType">Pod type of the shift.</param>
    /// <param name="runner">The shift (progress and attempts); null for none.</param>
    public IDisposable Attach(PackMlShiftStates states, MqttOperatorLink link, PodType podType, ShiftRunner? runner)
    {
        var cell = states.Cell;
        var a = new Attachment(this, states, link, runner);
        var (state, mode, connected, pending) = (cell.State, cell.Mode, link.IsConnected, link.PendingPrompts); // outside the lock (see Snapshot)
        lock (_gate)
        {
            _shift = a;
            _podType = podType;
            _progress = null;
            _stow = null;
            _state = state.ToString();
            _mode = mode.ToString();
            _stateSince = _time.GetUtcNow();
            _mqttConnected = connected;
            _alarms.Clear();
            _promptSeen.Clear();
            _overlays.Clear();
            foreach (var p in pending)
            {
                _promptSeen[p.Id] = _stateSince;
            }

            SetMqttAlarm(connected);
            Bump();
        }

        a.Subscribe();
        return a;
    }

    private void OnTransition(PackMlTransitionEventArgs e)
    {
        lock (_gate)
        {
            _state = e.To.ToString();
            _mode = e.Mode.ToString();
            _stateSince = _time.GetUtcNow();
            // The alarm starts when the cell enters Holding or Aborting and lasts through Held or Aborted.
            var severity = e.To switch
            {
                PackMlState.Aborting or PackMlState.Aborted => "fault",
                PackMlState.Holding or PackMlState.Held => "alarm",
                _ => null,
            };
            if (severity is null)
            {
                _alarms.Remove("packml");
            }
            else if (!_alarms.TryGetValue("packml", out var a) || a.Severity != severity)
            {
                var text = severity == "fault" ? $"Cell aborted ({e.Trigger} in {e.From})" : $"Cell held ({e.Trigger} in {e.From})";
                _alarms["packml"] = new HmiSnapshot.AlarmView("packml", severity, text, _stateSince);
            }

            Bump();
        }
    }

    private void OnPrompt(OperatorPrompt p)
    {
        lock (_gate)
        {
            _promptSeen.TryAdd(p.Id, _time.GetUtcNow());
            Bump();
        }
    }

    private void OnConnection(bool connected)
    {
        lock (_gate)
        {
            _mqttConnected = connected;
            SetMqttAlarm(connected);
            Bump();
        }
    }

    private void SetMqttAlarm(bool connected)
    {
        if (connected)
        {
            _alarms.Remove("mqtt");
        }
        else if (!_alarms.ContainsKey("mqtt"))
        {
            _alarms["mqtt"] = new HmiSnapshot.AlarmView("mqtt", "alarm", "MQTT broker link down: prompts reach MQTT clients once it is back", _time.GetUtcNow());
        }
    }

    private void OnProgress(ShiftProgress p)
    {
        lock (_gate)
        {
            _progress = p;
            if (_stow is { Active: true })
            {
                _stow = _stow with { Active = false };
            }

            Bump();
        }
    }

    private void OnAttempt(StowAction a)
    {
        lock (_gate)
        {
            _stow = new HmiSnapshot.StowView(a.Item.Id.ToString(), a.Item.Name, a.Bin.ToString(), a.ChainText, a.PredictedP, true);
            _stowBin = a.Bin.ToString();
            Bump();
        }
    }

    private void Detach(Attachment a)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_shift, a))
            {
                _shift = null;
                _stow = _stow is null ? null : _stow with { Active = false };
                Bump();
            }
        }
    }

    /// <summary>One attached shift: its parts and the handlers subscribed to them.</summary>
    private sealed class Attachment(HmiState owner, PackMlShiftStates states, MqttOperatorLink link, ShiftRunner? runner) : IDisposable
    {
        private readonly EventHandler<PackMlTransitionEventArgs> _transition = (_, e) => owner.OnTransition(e);
        private readonly EventHandler<OperatorPrompt> _prompt = (_, p) => owner.OnPrompt(p);
        private readonly EventHandler<PromptAcknowledgedEventArgs> _ack = (_, _) => owner.Changed();
        private readonly EventHandler<MqttConnectionChangedEventArgs> _connection = (_, e) => owner.OnConnection(e.Connected);
        private readonly EventHandler<ShiftProgress> _progress = (_, p) => owner.OnProgress(p);
        private readonly EventHandler<StowAction> _attempt = (_, a) => owner.OnAttempt(a);
        private int _disposed;

        public MqttOperatorLink Link { get; } = link;

        public PackMlShiftStates States { get; } = states;

        public void Subscribe()
        {
            States.Cell.Transitioned += _transition;
            Link.PromptIssued += _prompt;
            Link.PromptWithdrawn += _prompt;
            Link.PromptAcknowledged += _ack;
            Link.ConnectionChanged += _connection;
            if (runner is not null)
            {
                runner.Progress += _progress;
                runner.AttemptStarted += _attempt;
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            States.Cell.Transitioned -= _transition;
            Link.PromptIssued -= _prompt;
            Link.PromptWithdrawn -= _prompt;
            Link.PromptAcknowledged -= _ack;
            Link.ConnectionChanged -= _connection;
            if (runner is not null)
            {
                runner.Progress -= _progress;
                runner.AttemptStarted -= _attempt;
            }

            owner.Detach(this);
        }
    }
}
