using System.Net.Sockets;
using System.Text;

namespace Stow.Sim.Ur;

/// <summary>
/// One secondary-interface connection (port 30002) of the <see cref="UrControllerEmulator"/>: collects URScript text
/// and hands each complete program to the controller. A program is complete at the column-0 <c>end</c> of its
/// top-level <c>def</c> (plus the call line that follows, if any); a top-level line outside a <c>def</c> is a
/// one-line program of its own. The robot-state stream a controller sends on this port is not emulated.
/// </summary>
internal sealed class SecondarySession : IDisposable
{
    private readonly UrControllerEmulator _controller;
    private readonly Socket _socket;
    private volatile bool _closed;

    public SecondarySession(UrControllerEmulator controller, Socket socket)
    {
        _controller = controller;
        _socket = socket;
        new Thread(Run) { IsBackground = true, Name = "ur-emulator-secondary" }.Start();
    }

    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _socket.Dispose();
        _controller.Forget(this);
    }

    private void Run()
    {
        var program = new StringBuilder();
        var inDef = false;
        string? defName = null;
        string? justLoaded = null;
        try
        {
            using var stream = new NetworkStream(_socket, ownsSocket: false);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (!_closed && reader.ReadLine() is { } line)
            {
                var trimmed = line.Trim();
                if (!inDef)
                {
                    if (trimmed.Length == 0)
                    {
                        continue;
                    }

                    if (justLoaded is not null && trimmed == justLoaded + "()")
                    {
                        // The call of the program just loaded (a controller runs a def block sent alone, too).
                        justLoaded = null;
                        continue;
                    }

                    justLoaded = null;
                    program.Append(line).Append('\n');
                    if (trimmed.StartsWith('#'))
                    {
                        continue;
                    }

                    if (line.StartsWith("def ", StringComparison.Ordinal) || line.StartsWith("sec ", StringComparison.Ordinal))
                    {
                        inDef = true;
                        var open = line.IndexOf('(', StringComparison.Ordinal);
                        defName = open > 4 ? line[4..open].Trim() : null;
                        continue;
                    }
                }
                else
                {
                    program.Append(line).Append('\n');
                    if (line.TrimEnd() != "end")
                    {
                        continue;
                    }

                    inDef = false;
                    justLoaded = defName;
                }

                _controller.LoadProgram(program.ToString());
                program.Clear();
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // Client gone.
        }

        Dispose();
    }
}
