using System.Diagnostics;

namespace Stow.Hardware.Tests.Serial;

/// <summary>
/// A linked pair of real ptys made by socat (`socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B`). Ready once
/// socat reports its transfer loop on stderr; no polling sleeps. Kill to simulate a cable pull; Start again with the
/// same links to plug it back.
/// </summary>
internal sealed class SocatPtyPair : IDisposable
{
    private readonly string _dir;
    private Process? _socat;

    public SocatPtyPair()
    {
        _dir = Path.Combine(Path.GetTempPath(), "stowcell-pty-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_dir);
        Start();
    }

    public string A => Path.Combine(_dir, "A");

    public string B => Path.Combine(_dir, "B");

    public void Start()
    {
        var psi = new ProcessStartInfo("socat")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-d", "-d", $"pty,raw,echo=0,link={A}", $"pty,raw,echo=0,link={B}" })
        {
            psi.ArgumentList.Add(a);
        }

        var p = Process.Start(psi) ?? throw new InvalidOperationException("socat did not start (apt-get install socat)");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            var line = remaining > TimeSpan.Zero ? p.StandardError.ReadLineAsync() : Task.FromResult<string?>(null);
            if (!line.Wait(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero) || line.Result is null)
            {
                p.Kill();
                throw new InvalidOperationException("socat did not report its pty pair within 10 s");
            }

            if (line.Result.Contains("starting data transfer loop", StringComparison.Ordinal))
            {
                break;
            }
        }

        // Keep draining stderr so socat never blocks on a full pipe.
        _ = Task.Run(async () =>
        {
            while (await p.StandardError.ReadLineAsync() is not null)
            {
            }
        });
        _socat = p;
    }

    public void Kill()
    {
        if (_socat is { } p)
        {
            p.Kill();
            p.WaitForExit(5000);
            p.Dispose();
            _socat = null;
        }
    }

    public void Dispose()
    {
        Kill();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
