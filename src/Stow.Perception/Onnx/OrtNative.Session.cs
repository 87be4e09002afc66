namespace Stow.Perception.Onnx;

using System.Runtime.InteropServices;

/// <summary>Environment, session options, providers, sessions and their type information.</summary>
internal static unsafe partial class OrtNative
{
    private const int CreateEnvIndex = 3; // CreateEnv
    private const int CreateSessionIndex = 7; // CreateSession
    private const int CreateSessionOptionsIndex = 10; // CreateSessionOptions
    private const int SetSessionGraphOptimizationLevelIndex = 23; // SetSessionGraphOptimizationLevel
    private const int SetIntraOpNumThreadsIndex = 24; // SetIntraOpNumThreads
    private const int SessionGetInputCountIndex = 30; // SessionGetInputCount
    private const int SessionGetOutputCountIndex = 31; // SessionGetOutputCount
    private const int SessionGetInputTypeInfoIndex = 33; // SessionGetInputTypeInfo
    private const int SessionGetOutputTypeInfoIndex = 34; // SessionGetOutputTypeInfo
    private const int SessionGetInputNameIndex = 36; // SessionGetInputName
    private const int SessionGetOutputNameIndex = 37; // SessionGetOutputName
    private const int CastTypeInfoToTensorInfoIndex = 55; // CastTypeInfoToTensorInfo
    private const int GetOnnxTypeFromTypeInfoIndex = 56; // GetOnnxTypeFromTypeInfo
    private const int GetTensorElementTypeIndex = 60; // GetTensorElementType
    private const int GetDimensionsCountIndex = 61; // GetDimensionsCount
    private const int GetDimensionsIndex = 62; // GetDimensions
    private const int GetSymbolicDimensionsIndex = 63; // GetSymbolicDimensions
    private const int AllocatorFreeIndex = 76; // AllocatorFree
    private const int GetAllocatorWithDefaultOptionsIndex = 78; // GetAllocatorWithDefaultOptions
    private const int GetAvailableProvidersIndex = 125; // GetAvailableProviders
    private const int ReleaseAvailableProvidersIndex = 126; // ReleaseAvailableProviders
    private const int SessionOptionsAppendExecutionProviderCudaV2Index = 204; // SessionOptionsAppendExecutionProvider_CUDA_V2
    private const int CreateCudaProviderOptionsIndex = 205; // CreateCUDAProviderOptions
    private const int UpdateCudaProviderOptionsIndex = 206; // UpdateCUDAProviderOptions

    /// <summary>ONNXType value of a tensor (enum ONNXType in the header).</summary>
    internal const int OnnxTypeTensor = 1;

    /// <summary>CreateEnv(OrtLoggingLevel, logid, out env).</summary>
    internal static OrtHandle CreateEnv(int loggingLevel, string logId)
    {
        byte[] id = Utf8Z(logId);
        nint env;
        fixed (byte* p = id)
        {
            Check(((delegate* unmanaged[Cdecl]<int, byte*, nint*, nint>)Fn(CreateEnvIndex))(loggingLevel, p, &env));
        }

        return new OrtHandle(OrtHandleKind.Env, env);
    }

    /// <summary>CreateSessionOptions(out options).</summary>
    internal static OrtHandle CreateSessionOptions()
    {
        nint options;
        Check(((delegate* unmanaged[Cdecl]<nint*, nint>)Fn(CreateSessionOptionsIndex))(&options));
        return new OrtHandle(OrtHandleKind.SessionOptions, options);
    }

    /// <summary>SetSessionGraphOptimizationLevel(options, level).</summary>
    internal static void SetGraphOptimizationLevel(OrtHandle options, int level) =>
        Check(((delegate* unmanaged[Cdecl]<nint, int, nint>)Fn(SetSessionGraphOptimizationLevelIndex))(options.Raw, level));

    /// <summary>SetIntraOpNumThreads(options, threads); 0 lets ORT choose.</summary>
    internal static void SetIntraOpNumThreads(OrtHandle options, int threads) =>
        Check(((delegate* unmanaged[Cdecl]<nint, int, nint>)Fn(SetIntraOpNumThreadsIndex))(options.Raw, threads));

    /// <summary>
    /// CreateCUDAProviderOptions, UpdateCUDAProviderOptions(device_id), SessionOptionsAppendExecutionProvider_CUDA_V2,
    /// then ReleaseCUDAProviderOptions. Returns null on success, else the error ORT gave (status already released).
    /// </summary>
    internal static OnnxRuntimeException? TryAppendCuda(OrtHandle options, int deviceId)
    {
        nint cudaOptions = 0;
        nint status = ((delegate* unmanaged[Cdecl]<nint*, nint>)Fn(CreateCudaProviderOptionsIndex))(&cudaOptions);
        if (status != 0)
        {
            return ToException(status);
        }

        using var owned = new OrtHandle(OrtHandleKind.CudaProviderOptions, cudaOptions);
        byte[] key = Utf8Z("device_id");
        byte[] value = Utf8Z(deviceId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            byte* keys = k;
            byte* values = v;
            status = ((delegate* unmanaged[Cdecl]<nint, byte**, byte**, nuint, nint>)Fn(UpdateCudaProviderOptionsIndex))(
                cudaOptions, &keys, &values, 1);
        }

        if (status != 0)
        {
            return ToException(status);
        }

        status = ((delegate* unmanaged[Cdecl]<nint, nint, nint>)Fn(SessionOptionsAppendExecutionProviderCudaV2Index))(
            options.Raw, cudaOptions);
        return status == 0 ? null : ToException(status);
    }

    /// <summary>GetAvailableProviders: the providers compiled into the library (not proof that they can run).</summary>
    internal static string[] GetAvailableProviders()
    {
        byte** names;
        int count;
        Check(((delegate* unmanaged[Cdecl]<byte***, int*, nint>)Fn(GetAvailableProvidersIndex))(&names, &count));
        var result = new string[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = Marshal.PtrToStringUTF8((nint)names[i]) ?? string.Empty;
        }

        Check(((delegate* unmanaged[Cdecl]<byte**, int, nint>)Fn(ReleaseAvailableProvidersIndex))(names, count));
        return result;
    }

    /// <summary>CreateSession(env, model_path, options, out session); the path is UTF-8 on Linux.</summary>
    internal static OrtHandle CreateSession(OrtHandle env, string modelPath, OrtHandle options)
    {
        byte[] path = Utf8Z(modelPath);
        nint session;
        fixed (byte* p = path)
        {
            Check(((delegate* unmanaged[Cdecl]<nint, byte*, nint, nint*, nint>)Fn(CreateSessionIndex))(
                env.Raw, p, options.Raw, &session));
        }

        return new OrtHandle(OrtHandleKind.Session, session);
    }

    /// <summary>SessionGetInputCount / SessionGetOutputCount.</summary>
    internal static int GetIoCount(OrtHandle session, bool outputs)
    {
        nuint count;
        int index = outputs ? SessionGetOutputCountIndex : SessionGetInputCountIndex;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)Fn(index))(session.Raw, &count));
        return checked((int)count);
    }

    /// <summary>SessionGetInputName / SessionGetOutputName with the default allocator (freed here).</summary>
    internal static string GetIoName(OrtHandle session, int i, bool outputs)
    {
        nint allocator;
        Check(((delegate* unmanaged[Cdecl]<nint*, nint>)Fn(GetAllocatorWithDefaultOptionsIndex))(&allocator));
        nint name;
        int index = outputs ? SessionGetOutputNameIndex : SessionGetInputNameIndex;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint, nint, nint*, nint>)Fn(index))(session.Raw, (nuint)i, allocator, &name));
        try
        {
            return Marshal.PtrToStringUTF8(name) ?? string.Empty;
        }
        finally
        {
            Check(((delegate* unmanaged[Cdecl]<nint, nint, nint>)Fn(AllocatorFreeIndex))(allocator, name));
        }
    }

    /// <summary>
    /// SessionGetInputTypeInfo / SessionGetOutputTypeInfo, then GetOnnxTypeFromTypeInfo, CastTypeInfoToTensorInfo,
    /// GetTensorElementType, GetDimensionsCount, GetDimensions and GetSymbolicDimensions.
    /// A non-tensor value gives <see cref="TensorElementType.Undefined"/> and an empty shape.
    /// </summary>
    internal static (TensorElementType Type, TensorDim[] Shape) GetIoTensorType(OrtHandle session, int i, bool outputs)
    {
        nint typeInfo;
        int index = outputs ? SessionGetOutputTypeInfoIndex : SessionGetInputTypeInfoIndex;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)Fn(index))(session.Raw, (nuint)i, &typeInfo));
        using var owned = new OrtHandle(OrtHandleKind.TypeInfo, typeInfo);
        int onnxType;
        Check(((delegate* unmanaged[Cdecl]<nint, int*, nint>)Fn(GetOnnxTypeFromTypeInfoIndex))(typeInfo, &onnxType));
        if (onnxType != OnnxTypeTensor)
        {
            return (TensorElementType.Undefined, []);
        }

        nint tensorInfo; // owned by typeInfo
        Check(((delegate* unmanaged[Cdecl]<nint, nint*, nint>)Fn(CastTypeInfoToTensorInfoIndex))(typeInfo, &tensorInfo));
        int elementType;
        Check(((delegate* unmanaged[Cdecl]<nint, int*, nint>)Fn(GetTensorElementTypeIndex))(tensorInfo, &elementType));
        nuint rank;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)Fn(GetDimensionsCountIndex))(tensorInfo, &rank));
        var sizes = new long[(int)rank];
        var symbols = new nint[(int)rank];
        fixed (long* s = sizes)
        fixed (nint* n = symbols)
        {
            Check(((delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)Fn(GetDimensionsIndex))(tensorInfo, s, rank));
            Check(((delegate* unmanaged[Cdecl]<nint, nint*, nuint, nint>)Fn(GetSymbolicDimensionsIndex))(tensorInfo, n, rank));
        }

        var shape = new TensorDim[(int)rank];
        for (int d = 0; d < shape.Length; d++)
        {
            string? symbol = symbols[d] == 0 ? null : Marshal.PtrToStringUTF8(symbols[d]);
            shape[d] = sizes[d] >= 0 ? TensorDim.Fixed(sizes[d]) : TensorDim.Symbolic(symbol ?? string.Empty);
        }

        return ((TensorElementType)elementType, shape);
    }
}
