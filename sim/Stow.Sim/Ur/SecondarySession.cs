using System.Net.Sockets;
using System.Text;

namespace Stow.Sim.Ur;

/// <summary>
/// One secondary-interface connection (port 30002) of the <see cref="UrControllerEmulator"/>: collects URScript text
/// and hands each complete program to the controller. A program is complete at the column-0 <c>end</c> of its
/// top-level <c>def</c> (plus the call line that follows, if any); a top-level line outside a <c>def</c> is a
/// one-line program of its own. Like a controller it also streams binary messages to the client
/// (<see cref="SecondaryMessages"/>): the version message on connection, then a robot state message (robot mode data)
/// every 100 ms (10 Hz) from the controller's latest state, on a sender thread of the session that ends with it.
/// </summary>
internal sealed class SecondarySession : LineSession
{
    private readonly StringBuilder _program = new();
    private bool _inDef;
    private string? _defName;
    private string? _justLoaded;

    /// <summary>Period of the robot state messages [ms] (10 Hz, as controllers send them on this port).</summary>
    public const int StatePeriodMs = 100;

    public SecondarySession(UrControllerEmulator controller, Socket socket)
        : base(controller, socket, "ur-emulator-secondary")
    {
    }

    protected override void OnOpen(TextWriter writer)
    {
        var version = SecondaryMessages.Version(Controller.Options.Version, Controller.UptimeMicroseconds);
        if (SendBytes(version))
        {
            new Thread(StreamState) { IsBackground = true, Name = "ur-emulator-secondary-state" }.Start();
        }
    }

    private void StreamState()
    {
        var message = new byte[SecondaryMessages.RobotStateLength];
        while (!IsClosed)
        {
            var s = Controller.Snapshot();
            var n = SecondaryMessages.RobotStateMessage(message, s, Controller.UptimeMicroseconds);
            if (!SendBytes(message.AsSpan(0, n)))
            {
                return;
            }

            Thread.Sleep(StatePeriodMs); // the controller's 10 Hz pace
        }
    }

    protected override bool OnLine(string line, TextWriter writer)
    {
        var trimmed = line.Trim();
        if (!_inDef)
        {
            if (trimmed.Length == 0)
            {
                return true;
            }

            if (_justLoaded is not null && trimmed == _justLoaded + "()")
            {
                // The call of the program just loaded (a controller runs a def block sent alone, too).
                _justLoaded = null;
                return true;
            }

            _justLoaded = null;
            _program.Append(line).Append('\n');
            if (trimmed.StartsWith('#'))
            {
                return true;
            }

            if (line.StartsWith("def ", StringComparison.Ordinal) || line.StartsWith("sec ", StringComparison.Ordinal))
            {
                _inDef = true;
                var open = line.IndexOf('(', StringComparison.Ordinal);
                _defName = open > 4 ? line[4..open].Trim() : null;
                return true;
            }
        }
        else
        {
            _program.Append(line).Append('\n');
            if (line.TrimEnd() != "end")
            {
                return true;
            }

            _inDef = false;
            _justLoaded = _defName;
        }

        Controller.LoadProgram(_program.ToString());
        _program.Clear();
        return true;
    }
}
