using System.Net.Sockets;
using System.Text;

namespace Stow.Sim.Ur;

/// <summary>
/// One secondary-interface connection (port 30002) of the <see cref="UrControllerEmulator"/>: collects URScript text
/// and hands each complete program to the controller. A program is complete at the column-0 <c>end</c> of its
/// top-level <c>def</c> (plus the call line that follows, if any); a top-level line outside a <c>def</c> is a
/// one-line program of its own. The robot-state stream a controller sends on this port is not emulated.
/// </summary>
internal sealed class SecondarySession : LineSession
{
    private readonly StringBuilder _program = new();
    private bool _inDef;
    private string? _defName;
    private string? _justLoaded;

    public SecondarySession(UrControllerEmulator controller, Socket socket)
        : base(controller, socket, "ur-emulator-secondary")
    {
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
