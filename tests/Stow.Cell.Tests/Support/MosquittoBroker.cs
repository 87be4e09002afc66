using Stow.Cell.Mqtt;

namespace Stow.Cell.Tests.Support;

/// <summary>
/// A throwaway broker for a test: <see cref="MosquittoBrokerProcess"/> in a temp dir, with the committed
/// example ACL <c>config/mosquitto/acl.example</c> when users are given; the temp dir goes with it.
/// </summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly MosquittoBrokerProcess _process;
    private readonly TempDir _dir;

    private MosquittoBroker(MosquittoBrokerProcess process, TempDir dir)
    {
        _process = process;
        _dir = dir;
    }

    public int Port => _process.Port;

    public string Log => _process.Log;

    public static async Task<MosquittoBroker> StartAsync(IReadOnlyDictionary<string, string>? users = null, MosquittoBrokerTls? tls = null)
    {
        var dir = new TempDir();
        var acl = users is null ? null : Path.Combine(TestPaths.RepoRoot, "config", "mosquitto", "acl.example");
        return new MosquittoBroker(await MosquittoBrokerProcess.StartAsync(dir.Path, users, acl, tls), dir);
    }

    public Task RestartAsync() => _process.RestartAsync();

    public Task StopAsync() => _process.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _dir.Dispose();
    }
}
