namespace Stow.Perception.Onnx;

using Microsoft.Extensions.Logging;

/// <summary>
/// A model file loaded with its manifest: the manifest is read and the file's SHA-256 checked before the
/// session is created, then the manifest's inputs and outputs are checked against what ORT reads from the model.
/// Owns its <see cref="OnnxSession"/>.
/// </summary>
/// <remarks>Threading: as <see cref="OnnxSession"/>: bind one <see cref="OnnxModelRunner"/> per thread.</remarks>
public sealed class OnnxModel : IDisposable
{
    private OnnxModel(ModelManifest manifest, OnnxSession session)
    {
        Manifest = manifest;
        Session = session;
    }

    /// <summary>The verified manifest (name, version, hash, tensors, normalisation).</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The inference session.</summary>
    public OnnxSession Session { get; }

    /// <summary>Loads <paramref name="onnxPath"/> with the manifest beside it and checks both.</summary>
    /// <param name="onnxPath">The <c>.onnx</c> file; its manifest is the same path with extension <c>.json</c>.</param>
    /// <param name="options">Session options; null for CPU defaults.</param>
    /// <param name="logger">Receives the one-line CUDA fallback warning; null discards it.</param>
    /// <exception cref="ModelContractException">Manifest missing or malformed, hash mismatch, or names/types/shapes disagree.</exception>
    /// <exception cref="OnnxRuntimeException">ORT cannot load the model (ORT's message, with the file name).</exception>
    public static OnnxModel Load(string onnxPath, OnnxSessionOptions? options = null, ILogger? logger = null)
    {
        ModelManifest manifest = ModelManifest.LoadAndVerify(onnxPath);
        OnnxSession session = OnnxSession.Load(onnxPath, options, logger);
        try
        {
            manifest.VerifyAgainst(session);
            return new OnnxModel(manifest, session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Binds buffers with the leading symbolic (batch) dimension set to <paramref name="batchSize"/>.</summary>
    /// <exception cref="ModelContractException">See <see cref="OnnxSession.Bind(long)"/>.</exception>
    public OnnxModelRunner Bind(long batchSize) => Session.Bind(batchSize);

    /// <summary>Disposes the session (deferred while runners are alive).</summary>
    public void Dispose() => Session.Dispose();
}
