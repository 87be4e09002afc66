namespace Stow.Perception.Tests.Onnx;

using Stow.Perception.Onnx;

/// <summary>
/// Checks table indices whose effect the behaviour tests cannot see: a wrong index would call another entry
/// and give a different (or no) error.
/// </summary>
public sealed class OrtApiTableTests
{
    [Fact]
    public void SetSessionGraphOptimizationLevel_Entry_Rejects_An_Invalid_Level_With_Orts_Message()
    {
        _ = OrtEnvironment.Instance;
        using OrtHandle options = OrtNative.CreateSessionOptions();

        var e = Assert.Throws<OnnxRuntimeException>(() => OrtNative.SetGraphOptimizationLevel(options, 42));

        Assert.Equal(OnnxErrorCode.InvalidArgument, e.ErrorCode);
        Assert.Contains("optimization", e.OrtMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Cuda_Provider_Options_Entry_Reports_Why_Cuda_Is_Unavailable_On_A_Cpu_Build()
    {
        _ = OrtEnvironment.Instance;
        using OrtHandle options = OrtNative.CreateSessionOptions();

        OnnxRuntimeException? error = OrtNative.TryAppendCuda(options, 0);

        if (!OrtEnvironment.Instance.AvailableProviders.Contains("CUDAExecutionProvider"))
        {
            Assert.NotNull(error);
            Assert.Contains("providers", error!.OrtMessage, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Undefined_Enum_Values_In_Options_Are_Refused_Before_Reaching_Ort()
    {
        var options = new OnnxSessionOptions { GraphOptimizationLevel = (OnnxGraphOptimizationLevel)42 };
        Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
    }
}
