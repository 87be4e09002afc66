using System.Net.Sockets;
using System.Text;

namespace Stow.Sim.Ur;

/// <summary>
/// One text-line connection of the <see cref="UrControllerEmulator"/> (dashboard server, secondary interface): a reader
/// thread that hands each line to <see cref="OnLine"/> until the client leaves, <see cref="IsClosed"/> turns true or
/// <see cref="OnLine"/> returns false, then closes the socket and tells the controller.
/// Threading: one background thread per session; <see cref="Dispose"/> from any thread.
/// </summary>
internal abstract class LineSession : IDisposable
{
    private readonly Socket _socket;
    private readonly Lock _sendLock = new();
    private volatile bool _closed;

    /// <summary>Starts the session's reader thread.</summary>
    /// <param name="controller">The emulator that accepted the connection.</param>
    /// <param name="socket">The accepted socket (owned by the session).</param>
    /// <param name="threadName">Name of the reader thread.</param>
    protected LineSession(UrControllerEmulator controller, Socket socket, string threadName)
    {
        Controller = controller;
        _socket = socket;
        new Thread(Run) { IsBackground = true, Name = threadName }.Start();
    }

    /// <summary>The emulator that accepted the connection.</summary>
    protected UrControllerEmulator Controller { get; }

    /// <summary>True once the session was closed.</summary>
    protected bool IsClosed => _closed;

    /// <summary>
    /// Sends raw bytes to the client (the secondary interface's binary messages), from any thread; at most one send at a
    /// time. A client that stops reading for 1 s, or is gone, ends the session.
    /// </summary>
    /// <param name="data">The bytes.</param>
    /// <returns>False when the session is (now) closed.</returns>
    protected bool SendBytes(ReadOnlySpan<byte> data)
    {
        var failed = false;
        lock (_sendLock)
        {
            if (_closed)
            {
                return false;
            }

            try
            {
                _socket.SendTimeout = 1000;
                _socket.Send(data);
                return true;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                failed = true;
            }
        }

        if (failed)
        {
            Dispose();
        }

        return false;
    }

    /// <summary>Closes the socket and removes the session from the controller (idempotent).</summary>
    public void Dispose()
    {
        lock (_sendLock)
        {
            if (_closed)
            {
                return;
            }

            // Under the send lock: no send of the secondary stream is in progress, so the close is graceful (FIN), not
            // an abortive reset that would discard what the client has not read yet.
            _closed = true;
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Already reset by the client.
            }

            _socket.Dispose();
        }

        Controller.Forget(this);
    }

    /// <summary>Called once before the first line (e.g. the dashboard's greeting). Default: nothing.</summary>
    /// <param name="writer">Writes to the client (UTF-8, "\n", auto-flushed).</param>
    protected virtual void OnOpen(TextWriter writer)
    {
    }

    /// <summary>Handles one line from the client.</summary>
    /// <param name="line">The line, without its terminator.</param>
    /// <param name="writer">Writes to the client.</param>
    /// <returns>False to close the session.</returns>
    protected abstract bool OnLine(string line, TextWriter writer);

    private void Run()
    {
        try
        {
            using var stream = new NetworkStream(_socket, ownsSocket: false);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
            OnOpen(writer);
            while (!_closed && reader.ReadLine() is { } line && OnLine(line, writer))
            {
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // Client gone.
        }

        Dispose();
    }
}
