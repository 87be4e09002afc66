using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Stow.Hardware.Ur;

namespace Stow.Hardware.Tests.Ur.Secondary;

/// <summary>
/// The controller emulator's secondary interface (port 30002) streams what a UR controller sends there, read here with
/// a parser written from UR's "Client interface" document: the version message on connection, then robot state
/// messages with robot mode data at 10 Hz.
/// </summary>
public class SecondaryStreamTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Theory(Timeout = 30_000)]
    [InlineData(UrRobotMode.Running, true)]
    [InlineData(UrRobotMode.PowerOff, false)]
    public async Task A_Client_Gets_The_Version_Message_Then_Robot_Mode_Data_That_Follows_The_Controller(UrRobotMode mode, bool powered)
    {
        using var rig = new UrEmulatorRig(mode);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, rig.Emulator.SecondaryPort);
        var stream = tcp.GetStream();
        using var cts = new CancellationTokenSource(Deadline);

        var version = await ReadMessage(stream, cts.Token);
        Assert.Equal(20, version[4]); // ROBOT_MESSAGE
        Assert.Equal(3, version[14]); // VERSION
        var nameLength = version[15];
        Assert.Equal("URControl", Encoding.ASCII.GetString(version, 16, nameLength));
        var p = 16 + nameLength;
        Assert.Equal((byte)rig.Emulator.Options.Version.Major, version[p]);
        Assert.Equal((byte)rig.Emulator.Options.Version.Minor, version[p + 1]);
        Assert.Equal((int)rig.Emulator.Options.Version.Bugfix, BinaryPrimitives.ReadInt32BigEndian(version.AsSpan(p + 2)));
        Assert.True(version.Length > p + 10, "a build date follows");

        ulong last = 0;
        for (var i = 0; i < 3; i++)
        {
            var state = await ReadMessage(stream, cts.Token);
            Assert.Equal(16, state[4]); // ROBOT_STATE
            var package = state.AsSpan(5);
            var packageLength = BinaryPrimitives.ReadInt32BigEndian(package);
            Assert.Equal(47, packageLength); // e-Series robot mode data, header and reserved byte included
            Assert.Equal(state.Length - 5, packageLength);
            Assert.Equal(0, package[4]); // ROBOT_MODE_DATA
            var timestamp = BinaryPrimitives.ReadUInt64BigEndian(package[5..]);
            Assert.True(timestamp > last, "timestamps advance");
            last = timestamp;
            Assert.Equal(powered ? 1 : 0, package[15]); // robot power on
            Assert.Equal(0, package[16]); // emergency stopped
            Assert.Equal(0, package[17]); // protective stopped
            Assert.Equal(0, package[18]); // program running: none loaded
            Assert.Equal((byte)mode, package[20]);
            Assert.Equal(1.0, BinaryPrimitives.ReadDoubleBigEndian(package[30..])); // speed scaling
        }

        // A half-closed client is answered with the end of the stream once the controller has read everything.
        tcp.Client.Shutdown(SocketShutdown.Send);
        var sink = new byte[256];
        while (await stream.ReadAsync(sink, cts.Token) > 0)
        {
        }
    }

    private static async Task<byte[]> ReadMessage(NetworkStream stream, CancellationToken cancel)
    {
        var header = new byte[4];
        await stream.ReadExactlyAsync(header, cancel);
        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        Assert.InRange(length, 5, 4096);
        var message = new byte[length];
        header.CopyTo(message, 0);
        await stream.ReadExactlyAsync(message.AsMemory(4), cancel);
        return message;
    }
}
