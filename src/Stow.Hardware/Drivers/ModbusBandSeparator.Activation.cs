using System.Diagnostics;
using Stow.Hardware.Lifecycle;
using R = Stow.Hardware.Modbus.BandSeparatorRegisters;

namespace Stow.Hardware.Drivers;

/// <summary>Activation's handshake of <see cref="ModbusBandSeparator"/> (partial: lifecycle-thread exchanges, I/O thread stopped).</summary>
public sealed partial class ModbusBandSeparator
{
    /// <summary>Activation's exchange with the controller, on the lifecycle thread while the I/O thread is stopped.</summary>
    private CallbackReturn Handshake()
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Options.ActivateTimeout.TotalSeconds * Stopwatch.Frequency);
        int? first = null;
        var alive = false;
        var resetSent = false;
        while (!alive && Stopwatch.GetTimestamp() < deadline && !_link.IsFaulted)
        {
            if (_exchange.PollNow(_status) != LinkOutcome.Ok)
            {
                continue;
            }

            if (!Plausible(_status))
            {
                RejectedSamples++;
                TransitionError = $"band-separator controller on {Options.Line.Device} sent an out-of-range status sample";
                return CallbackReturn.Failure;
            }

            Accept(_status, 0);

            if ((_status[0] & R.StatusFault) != 0)
            {
                // Activation is the operator's reset: one rising edge of the reset bit, then the fault must be gone.
                if (resetSent)
                {
                    first = null;
                    continue; // the controller clears it on its next update; wait until the deadline.
                }

                Encode(0);
                _exchange.WriteNow(_command);
                Encode(R.ActionResetFault);
                resetSent = _exchange.WriteNow(_command) == LinkOutcome.Ok;
                first = null;
                continue;
            }

            var seq = _status[R.Sequence - R.StatusStart];
            alive = first is { } f && f != seq;
            first ??= seq;
        }

        _request = 0;
        _requestId = 0;
        while (alive && Stopwatch.GetTimestamp() < deadline && !_link.IsFaulted)
        {
            Encode(R.ActionActivate);
            if (_exchange.WriteNow(_command) == LinkOutcome.Ok && _exchange.PollNow(_status) == LinkOutcome.Ok &&
                (_status[0] & R.StatusActivated) != 0)
            {
                return CallbackReturn.Success;
            }
        }

        TransitionError = resetSent && DeviceFault != R.FaultNone
            ? $"band-separator controller on {Options.Line.Device} keeps fault {DeviceFault} latched after a reset"
            : alive
            ? $"band-separator controller on {Options.Line.Device} did not report activated within {Options.ActivateTimeout.TotalSeconds} s"
            : $"band-separator controller on {Options.Line.Device}: no heartbeat (SEQUENCE did not advance) within {Options.ActivateTimeout.TotalSeconds} s";
        return CallbackReturn.Failure;
    }
}
