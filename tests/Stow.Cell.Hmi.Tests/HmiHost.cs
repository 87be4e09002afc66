using Microsoft.Extensions.Logging.Abstractions;
using Stow.Cell.Mqtt;
using Stow.Cell.PackML;
using Stow.Core.Pods;
using Stow.Core.Time;

namespace Stow.Cell.Hmi.Tests;

/// <summary>
/// The HMI server on a free loopback port with an operator and a supervisor, over a real mosquitto broker and a
/// connected operator link; a restart keeps the address and the cookie keys, as a host restart does.
/// </summary>
internal sealed class HmiHost : IAsyncDisposable
{
    public const string OperatorPassword = "op-secret-1";
    public const string SupervisorPassword = "sup-secret-1";

    private static readonly Lazy<HmiOptions> Users = new(() =>
    {
        var o = new HmiOptions { Url = "http://127.0.0.1:0", UsersFile = "" };
        o.Users.Add(new HmiUserOptions { Name = "olga", Role = HmiRole.Operator, PasswordHash = HmiPasswords.Hash(OperatorPassword) });
        o.Users.Add(new HmiUserOptions { Name = "sam", Role = HmiRole.Supervisor, PasswordHash = HmiPasswords.Hash(SupervisorPassword) });
        return o;
    });

    private readonly string _dir;
    private HmiServer? _server;

    private HmiHost(string dir, MosquittoBrokerProcess broker, MqttOperatorLink link, PackMlCell cell)
    {
        _dir = dir;
        Broker = broker;
        Link = link;
        Cell = cell;
    }

    public HmiState State { get; } = new();

    public MosquittoBrokerProcess Broker { get; }

    public MqttOperatorLink Link { get; }

    public PackMlCell Cell { get; }

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public string Dir => _dir;

    public static HmiOptions Options(string url)
    {
        var o = new HmiOptions { Url = url, UsersFile = "" }; // the tests' own users only
        foreach (var u in Users.Value.Users)
        {
            o.Users.Add(u);
        }

        return o;
    }

    /// <summary>A cell in Execute with the HMI attached (no shift runner).</summary>
    public static async Task<HmiHost> StartAsync()
    {
        var dir = Directory.CreateTempSubdirectory("stowcell-hmi-").FullName;
        var broker = await MosquittoBrokerProcess.StartAsync(Path.Combine(dir, "broker"));
        var clock = new VirtualClock();
        var link = new MqttOperatorLink(new MqttOperatorOptions { CellId = "hmi-test", Host = "127.0.0.1", Port = broker.Port }, clock);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await link.ConnectAsync(timeout.Token);
        }

        var cell = new PackMlCell(clock);
        var states = new PackMlShiftStates(cell);
        Assert.True(states.Command(PackMlCommand.Reset) && states.Command(PackMlCommand.Start));
        var host = new HmiHost(dir, broker, link, cell);
        host.State.Attach(states, link, PodTypeLoader.LoadFolder(Path.Combine(RepoRoot, "config", "pods"))["fabric-40"], null);
        await host.StartServerAsync("http://127.0.0.1:0");
        return host;
    }

    public static string RepoRoot { get; } = FindRoot();

    public async Task StartServerAsync(string url)
    {
        _server = await HmiServer.StartAsync(Options(url), State, Path.Combine(_dir, "keys"), NullLoggerFactory.Instance, CancellationToken.None);
        Address = _server.Address;
    }

    public async Task StopServerAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        await Link.DisposeAsync();
        await Broker.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by the broker's last write; the temp folder is cleaned by the OS
        }
    }

    private static string FindRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "StowCell.sln")))
        {
            d = d.Parent;
        }

        return d?.FullName ?? throw new InvalidOperationException("StowCell.sln not found above " + AppContext.BaseDirectory);
    }
}
