namespace Stow.Perception.Onnx;

/// <summary>Memory info, tensors over caller memory, run options, I/O binding and the bound run.</summary>
internal static unsafe partial class OrtNative
{
    private const int CreateRunOptionsIndex = 39; // CreateRunOptions
    private const int CreateTensorWithDataAsOrtValueIndex = 49; // CreateTensorWithDataAsOrtValue
    private const int CreateCpuMemoryInfoIndex = 69; // CreateCpuMemoryInfo
    private const int RunWithBindingIndex = 133; // RunWithBinding
    private const int CreateIoBindingIndex = 134; // CreateIoBinding
    private const int BindInputIndex = 136; // BindInput
    private const int BindOutputIndex = 137; // BindOutput

    private const int OrtDeviceAllocator = 0; // enum OrtAllocatorType
    private const int OrtMemTypeDefault = 0; // enum OrtMemType

    /// <summary>CreateCpuMemoryInfo(OrtDeviceAllocator, OrtMemTypeDefault, out info).</summary>
    internal static OrtHandle CreateCpuMemoryInfo()
    {
        nint info;
        Check(((delegate* unmanaged[Cdecl]<int, int, nint*, nint>)Fn(CreateCpuMemoryInfoIndex))(
            OrtDeviceAllocator, OrtMemTypeDefault, &info));
        return new OrtHandle(OrtHandleKind.MemoryInfo, info);
    }

    /// <summary>
    /// CreateTensorWithDataAsOrtValue over caller memory that stays pinned for the value's lifetime
    /// (ORT neither copies nor frees it).
    /// </summary>
    internal static OrtHandle CreateTensorOverMemory(
        OrtHandle memoryInfo, void* data, long byteLength, long[] shape, TensorElementType type)
    {
        nint value;
        fixed (long* s = shape)
        {
            Check(((delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint>)Fn(
                CreateTensorWithDataAsOrtValueIndex))(
                memoryInfo.Raw, data, (nuint)byteLength, s, (nuint)shape.Length, (int)type, &value));
        }

        return new OrtHandle(OrtHandleKind.Value, value);
    }

    /// <summary>CreateRunOptions(out options).</summary>
    internal static OrtHandle CreateRunOptions()
    {
        nint options;
        Check(((delegate* unmanaged[Cdecl]<nint*, nint>)Fn(CreateRunOptionsIndex))(&options));
        return new OrtHandle(OrtHandleKind.RunOptions, options);
    }

    /// <summary>CreateIoBinding(session, out binding).</summary>
    internal static OrtHandle CreateIoBinding(OrtHandle session)
    {
        nint binding;
        Check(((delegate* unmanaged[Cdecl]<nint, nint*, nint>)Fn(CreateIoBindingIndex))(session.Raw, &binding));
        return new OrtHandle(OrtHandleKind.IoBinding, binding);
    }

    /// <summary>BindInput / BindOutput(binding, name, value).</summary>
    internal static void Bind(OrtHandle binding, string name, OrtHandle value, bool output)
    {
        byte[] utf8 = Utf8Z(name);
        fixed (byte* n = utf8)
        {
            Check(((delegate* unmanaged[Cdecl]<nint, byte*, nint, nint>)Fn(output ? BindOutputIndex : BindInputIndex))(
                binding.Raw, n, value.Raw));
        }
    }

    /// <summary>RunWithBinding(session, run_options, binding): the steady-state call; allocates nothing managed.</summary>
    internal static void RunWithBinding(nint session, nint runOptions, nint binding) =>
        Check(((delegate* unmanaged[Cdecl]<nint, nint, nint, nint>)Fn(RunWithBindingIndex))(session, runOptions, binding));
}
