namespace Stow.Perception.Onnx;

using Microsoft.ML.OnnxRuntime;

/// <summary>
/// The process-wide ONNX Runtime environment (<see cref="OrtEnv"/>), created once with a logging function so that
/// ORT's own log lines reach the cell's logs instead of going straight to stderr. ORT's message for a failed
/// execution provider (e.g. which CUDA or cuDNN library is missing) only appears in its log, never in the exception
/// (<c>AppendExecutionProvider_CUDA</c> throws "Failed to load shared library"), so <see cref="OnnxSession.Load"/>
/// collects the lines ORT logs on the loading thread and puts them into its one fallback warning.
/// </summary>
/// <remarks>
/// <para>Lines logged while no load is collecting on that thread (e.g. from ORT's worker threads) go to stderr, as
/// ORT's default sink would print them. Level: warning and above.</para>
/// <para>Threading: <see cref="Instance"/> is thread-safe; the environment is created once, under a lock, and
/// lives until the process ends (ORT advises against releasing it while sessions may exist). If another component
/// created <see cref="OrtEnv"/> first, that instance is used and ORT's lines go to its sink (the fallback warning
/// then carries only the exception's message).</para>
/// </remarks>
public static class OnnxEnvironment
{
    private static readonly Lock CreationLock = new();
    private static readonly DOrtLoggingFunction LogFunction = OnOrtLog; // kept alive for the process

    [ThreadStatic]
    private static List<(OrtLoggingLevel Level, string Message)>? _collected;

    /// <summary>The environment, created on first use.</summary>
    /// <exception cref="Microsoft.ML.OnnxRuntime.OnnxRuntimeException">ORT failed to create the environment.</exception>
    /// <exception cref="DllNotFoundException">The native library of the NuGet package is absent (restore the solution).</exception>
    public static OrtEnv Instance
    {
        get
        {
            if (OrtEnv.IsCreated)
            {
                return OrtEnv.Instance();
            }

            lock (CreationLock)
            {
                if (OrtEnv.IsCreated)
                {
                    return OrtEnv.Instance();
                }

                var options = new EnvironmentCreationOptions
                {
                    logId = "stowcell",
                    logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING,
                    loggingFunction = LogFunction,
                };
                return OrtEnv.CreateInstanceWithOptions(ref options);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> on the calling thread, collecting every line ORT logs on this thread meanwhile.
    /// </summary>
    /// <returns>The lines, in order (ORT's message text only; the source location prefix removed).</returns>
    internal static List<(OrtLoggingLevel Level, string Message)> Collect(Action body)
    {
        _ = Instance;
        var previous = _collected;
        var lines = new List<(OrtLoggingLevel, string)>();
        _collected = lines;
        try
        {
            body();
        }
        finally
        {
            _collected = previous;
        }

        return lines;
    }

    /// <summary>
    /// ORT's message without its source-location prefix: a line such as
    /// <c>/onnxruntime_src/.../provider_bridge_ort.cc:2043 onnxruntime::Provider&amp; ...Get() [ONNXRuntimeError] : 1 : FAIL : Failed to load library ...</c>
    /// becomes <c>Failed to load library ...</c>; line breaks become spaces.
    /// </summary>
    internal static string Clean(string message)
    {
        const string Marker = "[ONNXRuntimeError] : ";
        int at = message.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            // "[ONNXRuntimeError] : 1 : FAIL : text": skip the code and its name.
            string rest = message[(at + Marker.Length)..];
            string[] parts = rest.Split(" : ", 3);
            message = parts.Length == 3 ? parts[2] : rest;
        }

        return string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static void OnOrtLog(IntPtr param, OrtLoggingLevel severity, string category, string logId, string codeLocation, string message)
    {
        var collected = _collected;
        if (collected is not null)
        {
            collected.Add((severity, Clean(message)));
            return;
        }

        Console.Error.WriteLine($"[ORT {severity}] {category} {codeLocation}: {message}");
    }
}
