namespace Stow.Perception.Onnx;

using System.Runtime.InteropServices;

/// <summary>Which <c>Release*</c> entry of the OrtApi table frees an <see cref="OrtHandle"/>.</summary>
internal enum OrtHandleKind
{
    /// <summary>ReleaseEnv, index 92.</summary>
    Env = 92,

    /// <summary>ReleaseMemoryInfo, index 94.</summary>
    MemoryInfo = 94,

    /// <summary>ReleaseSession, index 95.</summary>
    Session = 95,

    /// <summary>ReleaseValue, index 96.</summary>
    Value = 96,

    /// <summary>ReleaseRunOptions, index 97.</summary>
    RunOptions = 97,

    /// <summary>ReleaseTypeInfo, index 98.</summary>
    TypeInfo = 98,

    /// <summary>ReleaseSessionOptions, index 100.</summary>
    SessionOptions = 100,

    /// <summary>ReleaseIoBinding, index 135.</summary>
    IoBinding = 135,

    /// <summary>ReleaseCUDAProviderOptions, index 208.</summary>
    CudaProviderOptions = 208,
}

/// <summary>
/// An owned ORT object pointer, released exactly once with its kind's <c>Release*</c> function
/// (the enum value is the OrtApi table index). Release functions return void and accept NULL.
/// </summary>
internal sealed unsafe class OrtHandle : SafeHandle
{
    private readonly OrtHandleKind _kind;

    /// <summary>Takes ownership of <paramref name="pointer"/>.</summary>
    internal OrtHandle(OrtHandleKind kind, nint pointer)
        : base(0, ownsHandle: true)
    {
        _kind = kind;
        SetHandle(pointer);
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>The raw pointer; valid while this handle is not disposed.</summary>
    internal nint Raw => handle;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        OrtNative.Release((int)_kind, handle);
        return true;
    }
}
