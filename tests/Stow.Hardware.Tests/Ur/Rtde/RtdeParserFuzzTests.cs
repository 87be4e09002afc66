using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using FsCheck;
using FsCheck.Xunit;
using Stow.Hardware.Ur.Rtde;

namespace Stow.Hardware.Tests.Ur.Rtde;

/// <summary>Property tests of the RTDE parser: it never throws, and accepts only what fits the recipe.</summary>
public class RtdeParserFuzzTests
{
    private static readonly string[] AllOutputs =
    [
        "timestamp", "actual_q", "actual_qd", "actual_TCP_pose", "actual_TCP_speed", "actual_TCP_force", "target_q",
        "robot_mode", "safety_mode", "safety_status", "runtime_state", "speed_scaling", "output_int_register_47",
        "output_double_register_0", "output_bit_registers0_to_31", "output_bit_registers32_to_63",
    ];

    private static RtdeRecipe Recipe(int mask)
    {
        var fields = new List<RtdeField>();
        for (var i = 0; i < AllOutputs.Length; i++)
        {
            if (((mask >> i) & 1) != 0 && RtdeFields.TryResolveOutput(AllOutputs[i], out var f))
            {
                fields.Add(f);
            }
        }

        if (fields.Count == 0 && RtdeFields.TryResolveOutput("timestamp", out var t))
        {
            fields.Add(t);
        }

        return new RtdeRecipe(1, fields);
    }

    [Property(MaxTest = 2000)]
    public bool Random_Payloads_Never_Throw_And_Parse_Only_At_The_Recipe_Size(byte[] bytes, int mask)
    {
        var recipe = Recipe(mask);
        var state = default(RtdeState);
        var ok = RtdeCodec.ReadFields(bytes ?? [], recipe, ref state);
        return ok == ((bytes?.Length ?? 0) == recipe.PayloadSize);
    }

    [Property(MaxTest = 500)]
    public bool Written_Packages_Parse_Back_To_The_Same_Values(int mask, double t, int mode, NormalFloat x, int register)
    {
        var recipe = Recipe(mask);
        var src = default(RtdeState);
        src.Timestamp = t;
        src.RobotMode = mode;
        src.ActualTcpPose[3] = x.Get;
        src.ActualQ[5] = -x.Get;
        src.OutputIntRegisters[47] = register;
        src.OutputBitRegisters = (ulong)(uint)register << 32 | (uint)mode;
        var buffer = new byte[recipe.PackageSize];
        var n = RtdeCodec.WritePackage(buffer, recipe, src);
        var back = default(RtdeState);
        var ok = n == recipe.PackageSize && BinaryPrimitives.ReadUInt16BigEndian(buffer) == n && buffer[2] == (byte)'U'
            && RtdeCodec.ReadFields(buffer.AsSpan(RtdePackets.HeaderSize + 1), recipe, ref back);
        foreach (var f in recipe.Fields)
        {
            ok &= f.Kind switch
            {
                RtdeFieldKind.Timestamp => back.Timestamp.Equals(t),
                RtdeFieldKind.RobotMode => back.RobotMode == mode,
                RtdeFieldKind.ActualTcpPose => back.ActualTcpPose[3] == x.Get,
                RtdeFieldKind.ActualQ => back.ActualQ[5] == -x.Get,
                RtdeFieldKind.OutputIntRegister => back.OutputIntRegisters[47] == register,
                RtdeFieldKind.OutputBitRegisters0To31 => (uint)back.OutputBitRegisters == (uint)mode,
                RtdeFieldKind.OutputBitRegisters32To63 => (uint)(back.OutputBitRegisters >> 32) == (uint)register,
                _ => true,
            };
        }

        return ok;
    }

    [Property(MaxTest = 2000)]
    public bool Random_Text_Message_Payloads_Never_Throw(byte[] bytes)
    {
        var payload = bytes ?? [];
        var ok = RtdePackets.TryParseTextMessage(payload, out _);
        return !ok || (payload.Length >= 3 && payload.Length == payload[0] + payload[1 + payload[0]] + 3);
    }

    [Property(MaxTest = 40)]
    public bool Random_Streams_Never_Crash_The_Client_And_Only_Whole_Packages_Are_Published(byte[] garbage)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var c = new RtdeClient(new RtdeClientOptions { ResponseTimeout = TimeSpan.FromSeconds(5) });
        c.Connect("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port);
        using var server = listener.AcceptSocket();
        var setup = Task.Run(() => c.SetupOutputs(["timestamp"], 500));
        var request = new byte[64];
        var got = 0;
        while (got < RtdePackets.HeaderSize || got < BinaryPrimitives.ReadUInt16BigEndian(request))
        {
            got += server.Receive(request, got, request.Length - got, SocketFlags.None);
        }

        server.Send(RtdePackets.Build(RtdeCommand.ControlPackageSetupOutputs, "\u0001DOUBLE"u8));
        setup.Wait(TimeSpan.FromSeconds(5));
        var valid = new byte[12];
        RtdePackets.WriteHeader(valid, 12, RtdeCommand.DataPackage);
        valid[3] = 1;
        BinaryPrimitives.WriteDoubleBigEndian(valid.AsSpan(4), 1.0);
        server.Send(valid);
        server.Send(garbage ?? []);
        server.Shutdown(SocketShutdown.Send);
        while (c.WaitForNextState(c.Sequence, TimeSpan.FromSeconds(5), out _))
        {
        }

        // The first package always arrives; after the stream ends the client is down, with at most one malformed count.
        return setup.IsCompletedSuccessfully && c.PackagesReceived >= 1 && !c.IsConnected && c.MalformedPackages <= 1;
    }
}
