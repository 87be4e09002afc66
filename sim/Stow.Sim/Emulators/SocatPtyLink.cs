using System.Diagnostics;

namespace Stow.Sim.Emulators;

/// <summary>
/// A linked pair of real ptys made by socat (<c>socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B</c>): bytes
/// written to one end come out of the other, as on a serial cable. Ready once socat reports its transfer loop on
/// stderr (waited for with a deadline, no sleeps). <see cref="Kill"/> ends that socat process by its PID (a cable
/// pull); <see cref="Start"/> plugs it back with the same link names. Dispose kills it. Threading: one owner.
/// </summary>
public sealed class SocatPtyLink : IDisposable
{
    private Process? _socat;

    /// <summary>Starts socat with links at <paramref name="hostEnd"/> and <paramref name="deviceEnd"/>.</summary>
    /// <param name="hostEnd">Link path the driver opens.</param>
    /// <param name="deviceEnd">Link path the emulator opens.</param>
    /// <exception cref="InvalidOperationException">socat is missing or did not report its pair within 10 s.</exception>
    public SocatPtyLink(string hostEnd, string deviceEnd)
    {
        HostEnd = hostEnd;
        DeviceEnd = deviceEnd;
        Start();
    }

    /// <summary>Link path of the host (driver) end.</summary>
    public string HostEnd { get; }

    /// <summary>Link path of the device (emulator) end.</summary>
    public string DeviceEnd { get; }

    /// <summary>The socat process id while running, else null.</summary>
    public int? ProcessId => _socat?.Id;

    /// <summary>Starts socat (again, after <see cref="Kill"/>).</summary>
    /// <exception cref="InvalidOperationException">Already running, socat missing, or no pair within 10 s.</exception>
    public void Start()
    {
        if (_socat is not null)
        {
            throw new InvalidOperationException("socat is already running for this link");
        }

        var psi = new ProcessStartInfo("socat") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-d", "-d", $"pty,raw,echo=0,link={HostEnd}", $"pty,raw,echo=0,link={DeviceEnd}" })
        {
            psi.ArgumentList.Add(a);
        }

        Process p;
        try
        {
            p = Process.Start(psi) ?? throw new InvalidOperationException("socat did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("socat could not be started (apt-get install socat)", ex);
        }

        var deadline = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (true)
        {
            var remaining = TimeSpan.FromSeconds(Math.Max(0, deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
            var line = p.StandardError.ReadLineAsync();
            if (!line.Wait(remaining) || line.Result is null)
            {
                p.Kill();
                p.WaitForExit(5000);
                p.Dispose();
                throw new InvalidOperationException($"socat did not report its pty pair ({HostEnd}, {DeviceEnd}) within 10 s");
            }

            if (line.Result.Contains("starting data transfer loop", StringComparison.Ordinal))
            {
                break;
            }
        }

        // Keep draining stderr so socat never blocks on a full pipe.
        var stderr = p.StandardError;
        _ = Task.Run(async () =>
        {
            while (await stderr.ReadLineAsync().ConfigureAwait(false) is not null)
            {
            }
        });
        _socat = p;
    }

    /// <summary>Ends this link's socat process (by its PID) and waits for it to exit; no-op when not running.</summary>
    public void Kill()
    {
        if (_socat is { } p)
        {
            _socat = null;
            try
            {
                p.Kill();
                p.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // It had already exited.
            }

            p.Dispose();
        }
    }

    /// <summary>Kills socat.</summary>
    public void Dispose() => Kill();
}
