namespace Stow.Perception.Onnx;

using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using OrtException = Microsoft.ML.OnnxRuntime.OnnxRuntimeException;

/// <summary>Session options, the CUDA attempt with its fallback, and the profiled probe run that shows which provider ran each node.</summary>
public sealed partial class OnnxSession
{
    private const string ProviderSuffix = "ExecutionProvider";

    /// <summary>The short name of an ORT provider: <c>CUDAExecutionProvider</c> → <c>cuda</c>.</summary>
    public static string ShortProviderName(string ortProvider)
    {
        ArgumentNullException.ThrowIfNull(ortProvider);
        string name = ortProvider.EndsWith(ProviderSuffix, StringComparison.Ordinal) ? ortProvider[..^ProviderSuffix.Length] : ortProvider;
        return name.ToLowerInvariant();
    }

    /// <summary>
    /// Counts the nodes each provider ran in an ORT profile (Chrome trace JSON written by
    /// <see cref="InferenceSession.EndProfiling"/>): events of category <c>Node</c> named <c>&lt;node&gt;_kernel_time</c>
    /// carry the provider in <c>args.provider</c>. Each node is counted once.
    /// </summary>
    /// <exception cref="JsonException">The file is not a JSON array of trace events.</exception>
    internal static Dictionary<string, int> ReadProfile(string json)
    {
        var nodes = new Dictionary<string, string>(StringComparer.Ordinal);
        using JsonDocument document = JsonDocument.Parse(json);
        foreach (JsonElement e in document.RootElement.EnumerateArray())
        {
            if (e.ValueKind == JsonValueKind.Object
                && e.TryGetProperty("cat", out JsonElement cat) && cat.ValueEquals("Node")
                && e.TryGetProperty("name", out JsonElement name) && name.GetString() is { } n && n.EndsWith("_kernel_time", StringComparison.Ordinal)
                && e.TryGetProperty("args", out JsonElement args) && args.ValueKind == JsonValueKind.Object
                && args.TryGetProperty("provider", out JsonElement provider) && provider.GetString() is { Length: > 0 } p)
            {
                nodes[n] = p;
            }
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string p in nodes.Values)
        {
            counts[p] = counts.GetValueOrDefault(p) + 1;
        }

        return counts;
    }

    /// <summary>ORT's options for one session attempt; profiling on, into a fresh <paramref name="profilePrefix"/> under the temp folder.</summary>
    private static SessionOptions CreateSessionOptions(OnnxSessionOptions options, out string profilePrefix)
    {
        profilePrefix = Path.Combine(Path.GetTempPath(), $"stowcell-ort-profile-{Guid.NewGuid():N}");
        var so = new SessionOptions();
        try
        {
            so.GraphOptimizationLevel = options.GraphOptimizationLevel;
            so.IntraOpNumThreads = options.IntraOpThreadCount;

            // The prefix must be set before profiling is enabled (the setter passes the current prefix to ORT).
            so.ProfileOutputPathPrefix = profilePrefix;
            so.EnableProfiling = true;
            return so;
        }
        catch
        {
            so.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Deletes what a failed session attempt left: ORT opens the profile file when the session is constructed, so a
    /// model that then fails to load leaves an empty <c>&lt;prefix&gt;_&lt;time&gt;.json</c> behind.
    /// </summary>
    private static void DeleteProfiles(string profilePrefix)
    {
        string? dir = Path.GetDirectoryName(profilePrefix);
        if (dir is not null && Directory.Exists(dir))
        {
            foreach (string f in Directory.EnumerateFiles(dir, Path.GetFileName(profilePrefix) + "*"))
            {
                File.Delete(f);
            }
        }
    }

    /// <summary>Tries a session on the CUDA provider; on failure returns ORT's reason, with the library ORT's log names.</summary>
    private static (InferenceSession? Session, string? Reason) TryCreateOnCuda(string fullPath, OnnxSessionOptions options, ILogger logger)
    {
        InferenceSession? session = null;
        OrtException? error = null;
        var lines = OnnxEnvironment.Collect(() =>
        {
            using SessionOptions so = CreateSessionOptions(options, out string prefix);
            try
            {
                so.AppendExecutionProvider_CUDA(options.CudaDeviceId);
                session = new InferenceSession(fullPath, so);
            }
            catch (OrtException e)
            {
                error = e;
                DeleteProfiles(prefix);
            }
        });
        if (error is null)
        {
            Forward(logger, Path.GetFileName(fullPath), lines);
            return (session, null);
        }

        // The exception says only "Failed to load shared library"; ORT's log line names the library that is missing.
        string reason = OnnxEnvironment.Clean(OnnxRuntimeException.FromOrt(fullPath, error).OrtMessage);
        var parts = new List<string> { reason };
        foreach ((OrtLoggingLevel level, string message) in lines)
        {
            if (level >= OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING && message.Length > 0 && !parts.Contains(message))
            {
                parts.Add(message);
            }
        }

        return (null, string.Join("; ", parts));
    }

    private static void Forward(ILogger logger, string fileName, List<(OrtLoggingLevel Level, string Message)> lines)
    {
        foreach ((OrtLoggingLevel level, string message) in lines)
        {
            LogLevel mapped = level switch
            {
                OrtLoggingLevel.ORT_LOGGING_LEVEL_VERBOSE => LogLevel.Trace,
                OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO => LogLevel.Information,
                OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING => LogLevel.Warning,
                OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            logger.Log(mapped, "model {Model}: ONNX Runtime: {Message}", fileName, message);
        }
    }

    /// <summary>
    /// Runs the model once on zeros at batch 1 while ORT's profiler (enabled in <see cref="CreateSessionOptions"/>)
    /// records each node's provider, ends profiling (later runs are not profiled) and deletes the profile.
    /// </summary>
    private void ProbeProviders(ILogger logger)
    {
        string? why = null;
        try
        {
            using OnnxModelRunner runner = Bind(1);
            runner.Run();
        }
        catch (ModelContractException e)
        {
            why = e.Message;
        }
        finally
        {
            string profile = InferenceSession.EndProfiling();
            try
            {
                if (why is null && File.Exists(profile))
                {
                    NodesByProvider = ReadProfile(File.ReadAllText(profile));
                }
            }
            finally
            {
                if (profile.Length > 0)
                {
                    File.Delete(profile);
                }
            }
        }

        if (NodesByProvider.Count > 0)
        {
            ExecutionProvider = string.Join(
                '+', NodesByProvider.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => ShortProviderName(kv.Key)));
            return;
        }

        // Only the CPU provider was registered when CPU was asked for or CUDA fell back, so CPU is certain then.
        bool cudaRegistered = Options.ExecutionProvider == OnnxExecutionProvider.Cuda && ProviderFallbackReason is null;
        ExecutionProvider = cudaRegistered ? "cuda (unverified)" : "cpu";
        if (cudaRegistered)
        {
            logger.LogWarning("model {Model}: cannot verify which provider runs it: {Reason}", ModelFileName, why ?? "the profile names no node");
        }
    }
}
