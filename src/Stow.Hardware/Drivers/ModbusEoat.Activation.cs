using System.Diagnostics;
using Stow.Hardware.Eoat;
using Stow.Hardware.Lifecycle;
using R = Stow.Hardware.Modbus.EoatRegisters;

namespace Stow.Hardware.Drivers;

/// <summary>Activation's handshake and the stop command of <see cref="ModbusEoat"/> (partial: lifecycle-thread exchanges, I/O thread stopped).</summary>
public sealed partial class ModbusEoat
{
    /// <summary>Activation's exchange with the controller, on the lifecycle thread while the I/O thread is stopped.</summary>
    private CallbackReturn Handshake()
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Options.ActivateTimeout.TotalSeconds * Stopwatch.Frequency);
        if (!WaitForHeartbeat(deadline, out var error))
        {
            TransitionError = error;
            return CallbackReturn.Failure;
        }

        _pending = new EoatCommand
        {
            PaddleGap = Math.Min(_state.PaddleGap, Limits.MaxPaddleGap),
            SqueezeForceLimit = Limits.DefaultSqueezeForce,
            SpatulaExtension = Math.Min(_state.SpatulaExtension, Limits.MaxSpatulaExtension),
        };
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (Encode(_pending, R.ActionActivate | R.ActionGo) && _exchange.WriteNow(_command) == LinkOutcome.Ok &&
                _exchange.PollNow(_status) == LinkOutcome.Ok && (_status[0] & R.StatusActivated) != 0)
            {
                return CallbackReturn.Success;
            }

            if (_link.IsFaulted)
            {
                break;
            }
        }

        TransitionError = $"EOAT controller on {Options.Line.Device} did not report activated within {Options.ActivateTimeout.TotalSeconds} s";
        return CallbackReturn.Failure;
    }

    /// <summary>Best effort: belts 0, paddles and spatula hold (the controller's watchdog stops it anyway within 200 ms).</summary>
    private void SendStop()
    {
        _pending.LeftBeltSpeed = 0;
        _pending.RightBeltSpeed = 0;
        if (_link.IsOpen && !_link.IsFaulted && Encode(_pending, R.ActionActivate | R.ActionStop))
        {
            _exchange.WriteNow(_command);
        }
    }

    private bool WaitForHeartbeat(long deadline, out string error)
    {
        int? first = null;
        var resetSent = false;
        while (Stopwatch.GetTimestamp() < deadline && !_link.IsFaulted)
        {
            if (_exchange.PollNow(_status) != LinkOutcome.Ok)
            {
                continue;
            }

            if (!Plausible(_status))
            {
                RejectedSamples++;
                error = $"EOAT controller on {Options.Line.Device} sent an out-of-range status sample";
                return false;
            }

            Accept(_status, 0);

            if ((StatusBits & R.StatusFault) != 0)
            {
                // Activation is the operator's reset: one rising edge of the reset bit (belts 0), then the fault must be gone.
                if (resetSent)
                {
                    first = null;
                    continue; // the controller clears it on its next update; wait until the deadline.
                }

                var hold = new EoatCommand { PaddleGap = _state.PaddleGap, SqueezeForceLimit = Limits.DefaultSqueezeForce, SpatulaExtension = _state.SpatulaExtension };
                resetSent = Encode(hold, R.ActionStop) && _exchange.WriteNow(_command) == LinkOutcome.Ok &&
                    Encode(hold, R.ActionStop | R.ActionResetFault) && _exchange.WriteNow(_command) == LinkOutcome.Ok;
                first = null;
                continue;
            }

            var seq = _status[R.Sequence - R.StatusStart];
            if (first is { } f && f != seq)
            {
                error = string.Empty;
                return true;
            }

            first ??= seq;
        }

        error = resetSent && DeviceFault != R.FaultNone
            ? $"EOAT controller on {Options.Line.Device} keeps fault {DeviceFault} latched after a reset"
            : $"EOAT controller on {Options.Line.Device}: no heartbeat (SEQUENCE did not advance) within {Options.ActivateTimeout.TotalSeconds} s";
        return false;
    }
}
