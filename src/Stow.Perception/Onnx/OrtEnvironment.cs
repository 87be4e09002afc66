namespace Stow.Perception.Onnx;

/// <summary>
/// The process-wide ONNX Runtime environment (<c>OrtEnv</c>): loads the native library
/// (<see cref="OrtLibraryLocator"/>), reads the API table for ORT_API_VERSION 23 and creates one <c>OrtEnv</c>
/// with warning-level logging. Every <see cref="OnnxSession"/> shares it.
/// </summary>
/// <remarks>
/// Threading: <see cref="Instance"/> is thread-safe; creation happens once, under a lock. A failed creation
/// (library missing) is not cached, so a later call can succeed after set-up. The environment lives until the
/// process ends (ORT advises against releasing it while sessions may exist), so it is not disposable.
/// </remarks>
public sealed class OrtEnvironment
{
    private const int LoggingLevelWarning = 2; // ORT_LOGGING_LEVEL_WARNING
    private static readonly Lock CreationLock = new();
    private static OrtEnvironment? _instance;

    private OrtEnvironment(OrtHandle env, string[] providers)
    {
        Handle = env;
        AvailableProviders = providers;
    }

    /// <summary>The environment, created on first use.</summary>
    /// <exception cref="DllNotFoundException">The native library is absent; the message says to run ./test.sh or scripts/setup.sh.</exception>
    /// <exception cref="OnnxRuntimeException">ORT failed to create the environment (ORT's message).</exception>
    public static OrtEnvironment Instance
    {
        get
        {
            OrtEnvironment? current = Volatile.Read(ref _instance);
            if (current is not null)
            {
                return current;
            }

            lock (CreationLock)
            {
                if (_instance is null)
                {
                    OrtNative.Load(OrtLibraryLocator.Resolve());
                    OrtHandle env = OrtNative.CreateEnv(LoggingLevelWarning, "stowcell");
                    Volatile.Write(ref _instance, new OrtEnvironment(env, OrtNative.GetAvailableProviders()));
                }

                return _instance!;
            }
        }
    }

    /// <summary>Version of the loaded library, e.g. "1.23.2".</summary>
    public string Version => OrtNative.LoadedVersion;

    /// <summary>File the library was loaded from.</summary>
    public string LibraryPath => OrtNative.LoadedPath;

    /// <summary>
    /// Execution providers compiled into the library, e.g. "CPUExecutionProvider". Being listed does not prove a
    /// provider can run (its libraries or device may be missing).
    /// </summary>
    public IReadOnlyList<string> AvailableProviders { get; }

    internal OrtHandle Handle { get; }
}
