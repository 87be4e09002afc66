namespace Stow.Cell.Mqtt;

/// <summary>TLS of a <see cref="MosquittoBrokerProcess"/> listener: the broker's certificate and private key (PEM files).</summary>
/// <param name="CertFile">PEM certificate of the broker (its subject alternative names must cover the host clients dial, e.g. IP 127.0.0.1).</param>
/// <param name="KeyFile">PEM private key of that certificate (PKCS#8 or traditional).</param>
public sealed record MosquittoBrokerTls(string CertFile, string KeyFile);
