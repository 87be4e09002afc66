namespace Stow.Perception.Onnx;

using System.Runtime.InteropServices;
using System.Text;

/// <summary>
/// The ONNX Runtime C API, reached through the function table that
/// <c>OrtGetApiBase()-&gt;GetApi(ORT_API_VERSION)</c> returns.
/// </summary>
/// <remarks>
/// Each entry is called as a <c>delegate* unmanaged[Cdecl]</c> read from the table at a fixed index. The
/// indices follow the member order of <c>struct OrtApi</c> in
/// <c>include/onnxruntime/core/session/onnxruntime_c_api.h</c> (microsoft/onnxruntime); the table only grows
/// at its end, so an index is the same in every version that has the entry (all used here exist since API 11).
/// Indices were counted from the header at microsoft/onnxruntime commit 0017800f (ORT_API_VERSION 13; the v1.23.2
/// tag was not reachable from here) and are checked at run time by the tests (Onnx/OrtApiTableTests and the
/// behaviour tests, which call every entry used except UpdateCUDAProviderOptions, AppendExecutionProvider_CUDA_V2
/// and ReleaseCUDAProviderOptions, which need the GPU build).
/// A NULL <c>OrtStatus*</c> means success; any other status is turned into an <see cref="OnnxRuntimeException"/>
/// carrying ORT's message and code, then released. Loaded once per process by <see cref="OrtEnvironment"/>.
/// </remarks>
internal static unsafe partial class OrtNative
{
    /// <summary>ORT_API_VERSION of the pinned ONNX Runtime 1.23.2 header.</summary>
    internal const uint ApiVersion = 23;

    // OrtApi table indices (struct OrtApi member order); the name after each is the C member.
    private const int GetErrorCodeIndex = 1; // GetErrorCode
    private const int GetErrorMessageIndex = 2; // GetErrorMessage
    private const int ReleaseStatusIndex = 93; // ReleaseStatus

    private static nint* _api;

    /// <summary>Version string of the loaded library, e.g. "1.23.2".</summary>
    internal static string LoadedVersion { get; private set; } = string.Empty;

    /// <summary>Path the library was loaded from.</summary>
    internal static string LoadedPath { get; private set; } = string.Empty;

    /// <summary>True once <see cref="Load"/> has succeeded.</summary>
    internal static bool IsLoaded => _api != null;

    /// <summary>Loads the native library and reads the API table. Not thread-safe: the caller serialises.</summary>
    /// <exception cref="DllNotFoundException">The library is absent (message says how to install it).</exception>
    /// <exception cref="InvalidOperationException">The library does not offer <see cref="ApiVersion"/>.</exception>
    internal static void Load(string libraryPath)
    {
        if (_api != null)
        {
            return;
        }

        if (!File.Exists(libraryPath))
        {
            throw new DllNotFoundException(OrtLibraryLocator.MissingMessage(libraryPath));
        }

        nint library = NativeLibrary.Load(libraryPath);
        nint getApiBase = NativeLibrary.GetExport(library, "OrtGetApiBase");

        // struct OrtApiBase { const OrtApi* (*GetApi)(uint32_t); const char* (*GetVersionString)(void); }
        nint* apiBase = ((delegate* unmanaged[Cdecl]<nint*>)getApiBase)();
        var getApi = (delegate* unmanaged[Cdecl]<uint, nint*>)apiBase[0];
        var getVersionString = (delegate* unmanaged[Cdecl]<byte*>)apiBase[1];
        string version = Marshal.PtrToStringUTF8((nint)getVersionString()) ?? "?";
        nint* api = getApi(ApiVersion);
        if (api == null)
        {
            throw new InvalidOperationException(
                $"ONNX Runtime at '{libraryPath}' is version {version} and does not offer API version {ApiVersion}; " +
                "install the pinned 1.23.2 with scripts/setup.sh");
        }

        LoadedVersion = version;
        LoadedPath = libraryPath;
        _api = api;
    }

    /// <summary>Throws when <paramref name="status"/> is an error; releases it first. Allocates only on error.</summary>
    /// <exception cref="OnnxRuntimeException">The status is not NULL.</exception>
    internal static void Check(nint status)
    {
        if (status != 0)
        {
            ThrowFromStatus(status);
        }
    }

    /// <summary>Reads code and message of a non-NULL status, releases it and returns the exception.</summary>
    internal static OnnxRuntimeException ToException(nint status)
    {
        var code = (OnnxErrorCode)((delegate* unmanaged[Cdecl]<nint, int>)Fn(GetErrorCodeIndex))(status);
        string message = Marshal.PtrToStringUTF8(((delegate* unmanaged[Cdecl]<nint, nint>)Fn(GetErrorMessageIndex))(status))
            ?? string.Empty;
        ((delegate* unmanaged[Cdecl]<nint, void>)Fn(ReleaseStatusIndex))(status);
        return new OnnxRuntimeException(code, message);
    }

    /// <summary>A NUL-terminated UTF-8 copy of <paramref name="text"/> for passing as <c>const char*</c>.</summary>
    internal static byte[] Utf8Z(string text)
    {
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    /// <summary>Calls the void <c>Release*</c> entry at <paramref name="index"/> on <paramref name="pointer"/>.</summary>
    internal static void Release(int index, nint pointer)
    {
        if (pointer != 0 && _api != null)
        {
            ((delegate* unmanaged[Cdecl]<nint, void>)_api[index])(pointer);
        }
    }

    private static void ThrowFromStatus(nint status) => throw ToException(status);

    private static nint Fn(int index)
    {
        if (_api == null)
        {
            throw new InvalidOperationException("ONNX Runtime is not loaded; use OrtEnvironment.Instance first");
        }

        return _api[index];
    }
}
