using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Stow.Hardware.Ur.Rtde;

/// <summary>Receive thread, requests and fault handling of <see cref="RtdeClient"/>.</summary>
public sealed partial class RtdeClient
{
    private byte[] Request(RtdeCommand command, ReadOnlySpan<byte> payload)
    {
        var package = RtdePackets.Build(command, payload);
        lock (_requestLock)
        {
            _replyArrived.Reset();
            Volatile.Write(ref _expectedReply, (int)command);
            if (!SendRaw(package))
            {
                throw new RtdeException($"RTDE {command}: not connected ({FaultReason})");
            }

            if (!_replyArrived.Wait(_options.ResponseTimeout) || !_connected && Volatile.Read(ref _expectedReply) >= 0)
            {
                Volatile.Write(ref _expectedReply, -1);
                throw new RtdeException(_connected
                    ? string.Create(CultureInfo.InvariantCulture, $"RTDE {command}: no reply within {_options.ResponseTimeout.TotalSeconds} s")
                    : $"RTDE {command}: connection lost ({FaultReason})");
            }

            return _reply;
        }
    }

    private RtdeRecipe ParseSetupReply(byte[] reply, IReadOnlyList<string> names, bool output)
    {
        if (reply.Length < 1)
        {
            throw new RtdeException("setup reply is empty");
        }

        var types = Encoding.UTF8.GetString(reply, 1, reply.Length - 1).Split(',');
        if (types.Length != names.Count)
        {
            throw new RtdeException($"setup reply lists {types.Length} types for {names.Count} names");
        }

        var fields = new List<RtdeField>(names.Count);
        var refused = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            if (!RtdeTypes.TryParse(types[i], out var t))
            {
                throw new RtdeException($"setup reply names an unknown type '{types[i]}' for '{names[i]}'");
            }

            if (t is RtdeType.NotFound or RtdeType.InUse)
            {
                refused.Add($"{names[i]}: {types[i]}");
                continue;
            }

            var known = output ? RtdeFields.TryResolveOutput(names[i], out var f) : RtdeFields.TryResolveInput(names[i], out f);
            if (!known || f.Type != t)
            {
                throw new RtdeException($"field '{names[i]}' came back as {types[i]}, which this client does not parse");
            }

            fields.Add(f);
        }

        if (refused.Count > 0)
        {
            throw new RtdeException("controller refused RTDE fields: " + string.Join(", ", refused));
        }

        if (reply[0] == 0)
        {
            throw new RtdeException("controller refused the recipe (id 0)");
        }

        return new RtdeRecipe(reply[0], fields);
    }

    private bool SendRaw(ReadOnlySpan<byte> package)
    {
        lock (_sendLock)
        {
            return SendLocked(package);
        }
    }

    private bool SendLocked(ReadOnlySpan<byte> package)
    {
        var s = _socket;
        if (s is null || !_connected)
        {
            return false;
        }

        try
        {
            while (!package.IsEmpty)
            {
                var n = s.Send(package, SocketFlags.None);
                package = package[n..];
            }

            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Close("send failed: " + e.Message);
            return false;
        }
    }

    private void ReceiveLoop()
    {
        var reader = new RtdePacketReader(_socket!);
        try
        {
            while (_connected)
            {
                var r = reader.Read();
                if (r != RtdeReadResult.Ok)
                {
                    Fail(r, reader.RawType);
                    return;
                }

                if (!Dispatch(reader))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Close("connection lost: " + e.Message);
        }
    }

    private bool Dispatch(RtdePacketReader reader)
    {
        var payload = reader.Payload;
        switch (reader.Command)
        {
            case RtdeCommand.DataPackage:
                var recipe = _outputs;
                if (recipe is null || payload.Length < 1 || payload[0] != recipe.Id
                    || !RtdeCodec.ReadFields(payload[1..], recipe, ref _back))
                {
                    Malformed(recipe is null ? "data package before an output recipe"
                        : string.Create(CultureInfo.InvariantCulture, $"data package of {payload.Length + RtdePackets.HeaderSize} bytes does not match output recipe {recipe.Id} ({recipe.PackageSize} bytes)"));
                    return false;
                }

                lock (_stateLock)
                {
                    _back.Sequence = _sequence + 1;
                    _latest = _back;
                    _sequence++;
                    Monitor.PulseAll(_stateLock);
                }

                Interlocked.Increment(ref _received);
                return true;
            case RtdeCommand.TextMessage:
                if (!RtdePackets.TryParseTextMessage(payload, out var m))
                {
                    Malformed("text message lengths do not fit its package");
                    return false;
                }

                _messages.Enqueue(m);
                while (_messages.Count > _options.TextMessageCapacity && _messages.TryDequeue(out _))
                {
                }

                return true;
            default:
                if (Volatile.Read(ref _expectedReply) == (int)reader.Command)
                {
                    _reply = payload.ToArray();
                    Volatile.Write(ref _expectedReply, -1);
                    _replyArrived.Set();
                }

                return true;
        }
    }

    private void Fail(RtdeReadResult r, byte rawType)
    {
        switch (r)
        {
            case RtdeReadResult.Closed:
                Close("controller closed the connection");
                break;
            case RtdeReadResult.UnknownType:
                Malformed(string.Create(CultureInfo.InvariantCulture, $"package of unknown type {rawType}"));
                break;
            case RtdeReadResult.WrongSize:
                Malformed("package size below the 3-byte header");
                break;
            default:
                Malformed("connection ended inside a package (truncated)");
                break;
        }
    }

    private void Malformed(string why)
    {
        Interlocked.Increment(ref _malformed);
        Close("malformed package: " + why);
    }

    private void Close(string reason)
    {
        lock (_stateLock)
        {
            if (_connected)
            {
                _faultReason = reason;
            }

            _connected = false;
            Monitor.PulseAll(_stateLock);
        }

        try
        {
            _socket?.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }

        _socket?.Dispose();
        try
        {
            _replyArrived.Set();
        }
        catch (ObjectDisposedException)
        {
            // Disposed client.
        }
    }
}
