using System.Buffers.Binary;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Stow.Hardware.Ur.Rtde;

namespace Stow.Sim.Ur;

/// <summary>
/// One RTDE client connection of the <see cref="UrControllerEmulator"/>: answers requests as the RTDE guide
/// describes, receives input data packages and text messages, and sends the output recipe at its frequency while
/// started. A malformed package is counted and resets the connection.
/// Threading: a reader thread per session; <see cref="Publish"/> from the tick thread; sends are serialised.
/// </summary>
internal sealed class RtdeServerSession : IDisposable
{
    private readonly UrControllerEmulator _controller;
    private readonly Socket _socket;
    private readonly object _send = new();
    private readonly Dictionary<byte, RtdeRecipe> _inputs = [];
    private readonly byte[] _buffer = new byte[RtdePackets.MaxPackageSize];
    private RtdeRecipe? _outputs;
    private int _divider = 1;
    private volatile bool _started;
    private bool _negotiated;
    private byte _nextId = 1;
    private volatile bool _closed;

    public RtdeServerSession(UrControllerEmulator controller, Socket socket)
    {
        _controller = controller;
        _socket = socket;
        controller.AddSession(this);
        new Thread(ReadLoop) { IsBackground = true, Name = "ur-emulator-rtde" }.Start();
    }

    public void Publish(in RtdeState state, long tick)
    {
        var recipe = _outputs;
        if (!_started || recipe is null || _closed || tick % _divider != 0)
        {
            return;
        }

        lock (_send)
        {
            var n = RtdeCodec.WritePackage(_buffer, recipe, state);
            SendLocked(_buffer.AsSpan(0, n));
        }
    }

    public void SendRaw(ReadOnlySpan<byte> package)
    {
        lock (_send)
        {
            SendLocked(package);
        }
    }

    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Peer gone already.
        }

        _socket.Dispose();
        _controller.Forget(this);
    }

    private void SendLocked(ReadOnlySpan<byte> package)
    {
        if (_closed)
        {
            return;
        }

        try
        {
            while (!package.IsEmpty)
            {
                package = package[_socket.Send(package, SocketFlags.None)..];
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Dispose();
        }
    }

    private void ReadLoop()
    {
        var reader = new RtdePacketReader(_socket);
        try
        {
            while (!_closed)
            {
                var r = reader.Read();
                if (r == RtdeReadResult.Closed)
                {
                    break;
                }

                if (r != RtdeReadResult.Ok || !Handle(reader.Command, reader.Payload))
                {
                    _controller.CountMalformed();
                    break;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Connection reset.
        }

        Dispose();
    }

    /// <returns>False for a malformed package (the connection is reset).</returns>
    private bool Handle(RtdeCommand command, ReadOnlySpan<byte> payload)
    {
        switch (command)
        {
            case RtdeCommand.RequestProtocolVersion:
                if (payload.Length != 2)
                {
                    return false;
                }

                _negotiated = BinaryPrimitives.ReadUInt16BigEndian(payload) == RtdePackets.ProtocolVersion;
                Reply(command, [(byte)(_negotiated ? 1 : 0)]);
                return true;
            case RtdeCommand.GetUrControlVersion:
                if (payload.Length != 0)
                {
                    return false;
                }

                var v = new byte[16];
                var ver = _controller.Options.Version;
                BinaryPrimitives.WriteUInt32BigEndian(v, ver.Major);
                BinaryPrimitives.WriteUInt32BigEndian(v.AsSpan(4), ver.Minor);
                BinaryPrimitives.WriteUInt32BigEndian(v.AsSpan(8), ver.Bugfix);
                BinaryPrimitives.WriteUInt32BigEndian(v.AsSpan(12), ver.Build);
                Reply(command, v);
                return true;
            case RtdeCommand.ControlPackageSetupOutputs:
                return payload.Length >= 8 && SetupOutputs(BinaryPrimitives.ReadDoubleBigEndian(payload), Encoding.UTF8.GetString(payload[8..]));
            case RtdeCommand.ControlPackageSetupInputs:
                return SetupInputs(Encoding.UTF8.GetString(payload));
            case RtdeCommand.ControlPackageStart:
            case RtdeCommand.ControlPackagePause:
                if (payload.Length != 0)
                {
                    return false;
                }

                _started = command == RtdeCommand.ControlPackageStart;
                Reply(command, [1]);
                return true;
            case RtdeCommand.TextMessage:
                if (!RtdePackets.TryParseTextMessage(payload, out var m))
                {
                    return false;
                }

                _controller.LogClientMessage(m);
                return true;
            case RtdeCommand.DataPackage:
                return payload.Length >= 1 && _inputs.TryGetValue(payload[0], out var recipe) && _controller.ApplyInputs(payload[1..], recipe);
            default:
                return false;
        }
    }

    private bool SetupOutputs(double frequency, string names)
    {
        var list = names.Split(',');
        var fields = new List<RtdeField>();
        var types = new List<string>();
        var ok = !_started;
        foreach (var n in list)
        {
            if (RtdeFields.TryResolveOutput(n, out var f))
            {
                fields.Add(f);
                types.Add(RtdeTypes.Name(f.Type));
            }
            else
            {
                types.Add(RtdeTypes.Name(RtdeType.NotFound));
                ok = false;
            }
        }

        var rate = _controller.Options.RateHz;
        ok &= frequency > 0 && frequency <= rate;
        byte id = 0;
        if (ok)
        {
            id = _nextId++;
            _divider = Math.Max(1, (int)Math.Round(rate / frequency));
            _outputs = new RtdeRecipe(id, fields);
        }

        ReplySetup(RtdeCommand.ControlPackageSetupOutputs, id, types);
        return true;
    }

    private bool SetupInputs(string names)
    {
        var list = names.Split(',');
        var fields = new List<RtdeField>();
        var types = new string[list.Length];
        var ok = !_started;
        for (var i = 0; i < list.Length; i++)
        {
            if (RtdeFields.TryResolveInput(list[i], out var f))
            {
                fields.Add(f);
                types[i] = RtdeTypes.Name(f.Type);
            }
            else
            {
                types[i] = RtdeTypes.Name(RtdeType.NotFound);
                ok = false;
            }
        }

        var inUse = new bool[list.Length];
        if (ok && !_controller.TryClaimInputs(this, list, inUse))
        {
            ok = false;
            for (var i = 0; i < list.Length; i++)
            {
                if (inUse[i])
                {
                    types[i] = RtdeTypes.Name(RtdeType.InUse);
                }
            }
        }

        byte id = 0;
        if (ok)
        {
            id = _nextId++;
            _inputs[id] = new RtdeRecipe(id, fields);
        }

        ReplySetup(RtdeCommand.ControlPackageSetupInputs, id, types);
        return true;
    }

    private void ReplySetup(RtdeCommand command, byte id, IEnumerable<string> types)
    {
        var t = Encoding.UTF8.GetBytes(string.Join(',', types));
        var p = new byte[1 + t.Length];
        p[0] = id;
        t.CopyTo(p, 1);
        Reply(command, p);
    }

    private void Reply(RtdeCommand command, byte[] payload) => SendRaw(RtdePackets.Build(command, payload));

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"rtde session (started {_started}, negotiated {_negotiated})");
}
