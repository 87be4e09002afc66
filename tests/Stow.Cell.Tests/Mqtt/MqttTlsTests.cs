using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Stow.Cell.Mqtt;
using Stow.Cell.Tests.Support;
using Stow.Core.Time;

namespace Stow.Cell.Tests.Mqtt;

/// <summary>The TLS option against a real mosquitto TLS listener, with a CA and broker certificate made for the test.</summary>
public sealed class MqttTlsTests
{
    private static readonly MqttTopics Topics = new("cell-01");

    [Fact(Timeout = 60_000)]
    public async Task The_Link_Connects_Over_Tls_When_The_Broker_Certificate_Chains_To_The_Configured_Ca()
    {
        using var dir = new TempDir();
        var (caFile, tls) = MakeCertificates(dir.Path);
        await using var broker = await MosquittoBroker.StartAsync(tls: tls);
        await using var link = new MqttOperatorLink(
            new MqttOperatorOptions { CellId = "cell-01", Port = broker.Port, UseTls = true, CaFile = caFile }, new SystemClock());
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await link.ConnectAsync(cts.Token);
        }

        Assert.True(link.IsConnected); // the listener speaks TLS only: a CONNACK means the handshake and the chain check passed
        Assert.Contains("as stowcell-cell-01", broker.Log, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_Link_Refuses_A_Tls_Broker_Whose_Certificate_It_Cannot_Trust()
    {
        using var dir = new TempDir();
        var (_, tls) = MakeCertificates(dir.Path);
        var (otherCa, _) = MakeCertificates(Path.Combine(dir.Path, "other"));
        await using var broker = await MosquittoBroker.StartAsync(tls: tls);
        await using var link = new MqttOperatorLink(
            new MqttOperatorOptions { CellId = "cell-01", Port = broker.Port, UseTls = true, CaFile = otherCa }, new SystemClock());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => link.ConnectAsync(cts.Token));
        Assert.False(link.IsConnected);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Missing_Ca_File_Is_A_Clear_Error()
    {
        await Task.Yield();
        var ex = Assert.Throws<ArgumentException>(() => new MqttOperatorLink(
            new MqttOperatorOptions { CellId = "cell-01", UseTls = true, CaFile = "/nonexistent/ca.pem" }, new SystemClock()));
        Assert.Contains("/nonexistent/ca.pem", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A CA and a broker certificate for 127.0.0.1 / localhost signed by it, as PEM files.</summary>
    private static (string CaFile, MosquittoBrokerTls Tls) MakeCertificates(string dir)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caReq = new CertificateRequest("CN=StowCell test CA", caKey, HashAlgorithmName.SHA256);
        caReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caReq.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caReq.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        req.CertificateExtensions.Add(san.Build());
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false)); // server authentication
        using var cert = req.Create(ca, now.AddMinutes(-5), now.AddDays(1), [1, 2, 3, 4]);

        Directory.CreateDirectory(dir);
        var caFile = Path.Combine(dir, "ca.pem");
        var certFile = Path.Combine(dir, "broker.pem");
        var keyFile = Path.Combine(dir, "broker.key");
        File.WriteAllText(caFile, ca.ExportCertificatePem());
        File.WriteAllText(certFile, cert.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (caFile, new MosquittoBrokerTls(certFile, keyFile));
    }
}
