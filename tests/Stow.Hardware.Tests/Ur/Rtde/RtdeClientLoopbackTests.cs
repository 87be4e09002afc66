using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Stow.Core.Geometry;
using Stow.Hardware.Arm;
using Stow.Hardware.Ur;
using Stow.Hardware.Ur.Kinematics;
using Stow.Hardware.Ur.Rtde;

namespace Stow.Hardware.Tests.Ur.Rtde;

/// <summary>The RTDE client against the controller emulator over real loopback sockets.</summary>
public class RtdeClientLoopbackTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Fact(Timeout = 20_000)]
    public async Task Client_Negotiates_Reads_The_Version_And_Receives_Consistent_States()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig();
        using var c = new RtdeClient();
        c.Connect("127.0.0.1", rig.Emulator.RtdePort);
        Assert.True(c.NegotiateProtocolVersion());
        Assert.Equal(new UrControlVersion(5, 15, 0, 0), c.GetControllerVersion());
        var recipe = c.SetupOutputs(UrEmulatorRig.StateFields, 500);
        Assert.Equal(UrEmulatorRig.StateFields.Length, recipe.Fields.Length);
        Assert.True(c.Start());

        Assert.True(c.WaitForNextState(0, Deadline, out var first));
        var seen = first.Sequence;
        var s = first;
        for (var i = 0; i < 50; i++)
        {
            Assert.True(c.WaitForNextState(seen, Deadline, out s));
            Assert.True(s.Sequence > seen);
            seen = s.Sequence;
        }

        Assert.True(s.Timestamp > first.Timestamp);
        Assert.Equal((int)UrRobotMode.Running, s.RobotMode);
        Assert.Equal((int)UrSafetyMode.Normal, s.SafetyMode);
        Assert.Equal(1.0, s.SpeedScaling);

        // The pose the controller reports is the forward kinematics of the joints it reports.
        var k = rig.Emulator.Arm.Kinematics;
        var q = default(JointVector);
        for (var j = 0; j < 6; j++)
        {
            q[j] = s.ActualQ[j];
        }

        var fk = k.Forward(q);
        Assert.Equal(fk.Position.X, s.ActualTcpPose[0], 6);
        Assert.Equal(fk.Position.Y, s.ActualTcpPose[1], 6);
        Assert.Equal(fk.Position.Z, s.ActualTcpPose[2], 6);
        var r = RotationVector.ToQuat(new Vec3(s.ActualTcpPose[3], s.ActualTcpPose[4], s.ActualTcpPose[5]));
        Assert.True((r * fk.Orientation.Conjugate).Angle < 1e-6);
        Assert.True(c.Pause());
    }

    [Fact(Timeout = 20_000)]
    public async Task Unknown_Output_Field_Is_Refused_As_Not_Found()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig();
        using var c = new RtdeClient();
        c.Connect("127.0.0.1", rig.Emulator.RtdePort);
        Assert.True(c.NegotiateProtocolVersion());
        var e = Assert.Throws<RtdeException>(() => c.SetupOutputs(["timestamp", "actual_qq"], 125));
        Assert.Contains("actual_qq: NOT_FOUND", e.Message, StringComparison.Ordinal);
        var e2 = Assert.Throws<RtdeException>(() => c.SetupInputs(["actual_q"]));
        Assert.Contains("actual_q: NOT_FOUND", e2.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task Input_Held_By_Another_Client_Is_In_Use()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig();
        using var a = new RtdeClient();
        using var b = new RtdeClient();
        a.Connect("127.0.0.1", rig.Emulator.RtdePort);
        b.Connect("127.0.0.1", rig.Emulator.RtdePort);
        var recipe = a.SetupInputs(["input_int_register_30", "input_double_register_30"]);
        Assert.NotEqual(0, recipe.Recipe.Id);
        var e = Assert.Throws<RtdeException>(() => b.SetupInputs(["input_int_register_30"]));
        Assert.Contains("IN_USE", e.Message, StringComparison.Ordinal);

        // The holder writes, and the controller keeps the values (read back as outputs by the other client).
        var inputs = default(RtdeState);
        inputs.InputIntRegisters[30] = 42;
        inputs.InputDoubleRegisters[30] = -1.5;
        Assert.True(a.Send(recipe, inputs));
        b.SetupOutputs(["input_int_register_30", "input_double_register_30"], 500);
        Assert.True(b.Start());
        var sw = Stopwatch.StartNew();
        RtdeState s;
        do
        {
            Assert.True(b.WaitForNextState(b.Sequence, Deadline, out s));
        }
        while (s.InputIntRegisters[30] != 42 && sw.Elapsed < Deadline);

        Assert.Equal(42, s.InputIntRegisters[30]);
        Assert.Equal(-1.5, s.InputDoubleRegisters[30]);
    }

    [Fact(Timeout = 20_000)]
    public async Task Text_Messages_Travel_Both_Ways()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig();
        using var c = rig.ConnectStreaming(125);
        Assert.True(c.SendTextMessage("hello controller", "stowcell", RtdeMessageLevel.Info));
        await WaitUntil(() => rig.Emulator.ClientMessages.Any(m => m.Message == "hello controller" && m.Source == "stowcell"));

        // An unsupported program on the secondary interface is reported as an error text message. The controller
        // streams robot state on that port: half-close and drain it, so closing does not reset the connection (RST)
        // before the controller has read the program.
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, rig.Emulator.SecondaryPort);
            var stream = tcp.GetStream();
            await stream.WriteAsync("movej([0,0,0,0,0,0])\n"u8.ToArray());
            tcp.Client.Shutdown(SocketShutdown.Send);
            using var cts = new CancellationTokenSource(Deadline);
            var sink = new byte[256];
            while (await stream.ReadAsync(sink, cts.Token) > 0)
            {
            }
        }

        RtdeTextMessage got = default;
        await WaitUntil(() => c.TryTakeTextMessage(out got));
        Assert.Equal(RtdeMessageLevel.Error, got.Level);
        Assert.Contains("unsupported program", got.Message, StringComparison.Ordinal);
        Assert.Equal(1, rig.Emulator.UnsupportedPrograms);
    }

    [Theory(Timeout = 20_000)]
    [InlineData(new byte[] { 0, 3, 0x42 }, "unknown type")]
    [InlineData(new byte[] { 0, 2, (byte)'U' }, "size below header")]
    [InlineData(new byte[] { 0, 20, (byte)'U', 1, 2, 3 }, "truncated")]
    public async Task Malformed_Package_To_The_Controller_Is_Counted_And_Resets_The_Connection(byte[] bytes, string what)
    {
        Assert.NotNull(what);
        using var rig = new UrEmulatorRig();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, rig.Emulator.RtdePort);
        var stream = tcp.GetStream();
        await stream.WriteAsync(bytes);
        tcp.Client.Shutdown(SocketShutdown.Send);
        var buffer = new byte[64];
        using var cts = new CancellationTokenSource(Deadline);
        Assert.Equal(0, await stream.ReadAsync(buffer, cts.Token));
        await WaitUntil(() => rig.Emulator.MalformedPackages == 1);
    }

    [Theory(Timeout = 20_000)]
    [InlineData(new byte[] { 0, 3, 0x42 })]
    [InlineData(new byte[] { 0, 1, (byte)'U' })]
    [InlineData(new byte[] { 0, 5, (byte)'U', 1, 0 })]
    [InlineData(new byte[] { 0, 20, (byte)'U', 1, 2, 3 })]
    public async Task Malformed_Package_From_The_Controller_Is_Counted_And_Resets_The_Client(byte[] garbage)
    {
        using var fake = new FakeController();
        using var c = new RtdeClient();
        c.Connect("127.0.0.1", fake.Port);
        var server = await fake.AcceptAsync();
        await server.SendAsync(RtdePackets.Build(RtdeCommand.ControlPackageSetupOutputs, "\u0001DOUBLE"u8));
        await server.SendAsync(garbage);
        server.Shutdown(SocketShutdown.Send);
        var sw = Stopwatch.StartNew();
        Assert.False(c.WaitForNextState(0, Deadline, out _));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(4), "the waiter is released by the fault, not by its timeout");
        Assert.False(c.IsConnected);
        Assert.Equal(1, c.MalformedPackages);
        Assert.Contains("malformed", c.FaultReason, StringComparison.Ordinal);
        Assert.Equal(0, c.PackagesReceived);
    }

    [Fact(Timeout = 20_000)]
    public async Task Killed_Controller_Releases_The_Waiting_Loop_At_Once()
    {
        await Task.Yield();
        var rig = new UrEmulatorRig();
        using var c = rig.ConnectStreaming();
        Assert.True(c.WaitForNextState(0, Deadline, out var s));
        rig.Dispose();
        var sw = Stopwatch.StartNew();
        while (c.WaitForNextState(s.Sequence, Deadline, out s))
        {
        }

        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(1), $"released after {sw.Elapsed}");
        Assert.False(c.IsConnected);
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(sw.Elapsed < Deadline, "condition not met before the deadline");
            await Task.Delay(5);
        }
    }

    private sealed class FakeController : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private Socket? _socket;

        public FakeController() => _listener.Start();

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public async Task<Socket> AcceptAsync() => _socket = await _listener.AcceptSocketAsync();

        public void Dispose()
        {
            _socket?.Dispose();
            _listener.Stop();
        }
    }
}
