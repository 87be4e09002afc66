namespace Stow.Perception.Tests.Onnx;

using Microsoft.Extensions.Logging;
using Stow.Perception.Onnx;
using Xunit.Abstractions;

public sealed class OnnxSessionTests(ITestOutputHelper output)
{
    [Fact]
    public void Environment_Loads_The_Pinned_OnnxRuntime_With_The_Cpu_Provider()
    {
        OrtEnvironment env = OrtEnvironment.Instance;
        Assert.Equal("1.23.2", env.Version);
        Assert.Contains("CPUExecutionProvider", env.AvailableProviders);
        Assert.Same(env, OrtEnvironment.Instance);
    }

    [Fact]
    public void Session_Reads_Input_And_Output_Names_Types_And_Symbolic_Shapes_From_The_Model()
    {
        using OnnxSession session = OnnxSession.Load(TestModels.Add);
        Assert.Equal(["a", "b"], session.Inputs.Select(i => i.Name));
        Assert.All(session.Inputs, i => Assert.Equal(TensorElementType.Float32, i.ElementType));
        Assert.Equal("[batch,3]", session.Inputs[0].ShapeText);
        OnnxTensorInfo sum = Assert.Single(session.Outputs);
        Assert.Equal("sum", sum.Name);
        Assert.Equal([TensorDim.Symbolic("batch"), TensorDim.Fixed(3)], sum.Shape);
        Assert.Equal(OnnxExecutionProvider.Cpu, session.ActiveProvider);
        Assert.Null(session.ProviderFallbackReason);
    }

    [Fact]
    public void Missing_Model_File_Fails_At_Load_Naming_The_File()
    {
        using var dir = new ScratchDir();
        string path = Path.Combine(dir.Path, "absent.onnx");
        var e = Assert.Throws<FileNotFoundException>(() => OnnxSession.Load(path));
        Assert.Contains("absent.onnx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_Bytes_As_Model_Fail_At_Load_With_Orts_Message_And_The_File_Name()
    {
        using var dir = new ScratchDir();
        string path = Path.Combine(dir.Path, "noise.onnx");
        var bytes = new byte[4096];
        new Random(1234).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Load(path));

        output.WriteLine(e.Message);
        Assert.StartsWith("model noise.onnx: [ORT ", e.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(e.OrtMessage));
        Assert.Contains(e.OrtMessage, e.Message, StringComparison.Ordinal);
        Assert.NotEqual(OnnxErrorCode.Ok, e.ErrorCode);
        Assert.Equal(path, e.ModelPath);
    }

    [Fact]
    public void Truncated_Model_Fails_At_Load_With_Orts_Message_And_The_File_Name()
    {
        using var dir = new ScratchDir();
        string path = Path.Combine(dir.Path, "truncated.onnx");
        byte[] whole = File.ReadAllBytes(TestModels.Affine);
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);

        var e = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Load(path));

        output.WriteLine(e.Message);
        Assert.StartsWith("model truncated.onnx: [ORT ", e.Message, StringComparison.Ordinal);
        Assert.Contains(e.OrtMessage, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_Asked_For_Without_A_Cuda_Provider_Logs_One_Line_And_Runs_On_Cpu()
    {
        var logger = new ListLogger();
        var options = new OnnxSessionOptions { ExecutionProvider = OnnxSessionOptions.Parse("cuda"), CudaDeviceId = 0 };

        using OnnxSession session = OnnxSession.Load(TestModels.Affine, options, logger);
        using OnnxModelRunner runner = session.Bind(1);
        runner.Input("x").AsSpan<float>().Fill(3f);
        runner.Run();

        Assert.All(runner.Output("y").AsSpan<float>().ToArray(), v => Assert.Equal(7f, v));
        if (session.ActiveProvider == OnnxExecutionProvider.Cuda)
        {
            Assert.Contains("CUDAExecutionProvider", OrtEnvironment.Instance.AvailableProviders);
            Assert.Empty(logger.Entries);
            return;
        }

        (LogLevel level, string message) = Assert.Single(logger.Entries);
        output.WriteLine(message);
        Assert.Equal(LogLevel.Warning, level);
        Assert.NotNull(session.ProviderFallbackReason);
        Assert.Contains("affine.onnx", message, StringComparison.Ordinal);
        Assert.Contains("CUDA", message, StringComparison.Ordinal);
        Assert.Contains("running on CPU", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
        Assert.Contains(session.ProviderFallbackReason!, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Intra_Op_Threads_And_Optimisation_Level_Are_Accepted()
    {
        var options = new OnnxSessionOptions { IntraOpThreadCount = 1, GraphOptimizationLevel = OnnxGraphOptimizationLevel.None };
        using OnnxSession session = OnnxSession.Load(TestModels.Affine, options);
        Assert.Equal(1, session.Options.IntraOpThreadCount);
    }

    [Fact]
    public void Unknown_Provider_Name_Is_Refused()
    {
        Assert.Throws<ArgumentException>(() => OnnxSessionOptions.Parse("tpu"));
        Assert.Equal(OnnxExecutionProvider.Cpu, OnnxSessionOptions.Parse(" CPU "));
    }

    [Fact]
    public void Missing_Library_Message_Says_How_To_Install_It()
    {
        string message = OrtLibraryLocator.MissingMessage("/nowhere/libonnxruntime.so.1");
        Assert.Contains("scripts/setup.sh", message, StringComparison.Ordinal);
        Assert.Contains("./test.sh", message, StringComparison.Ordinal);
        Assert.Contains("/nowhere/libonnxruntime.so.1", message, StringComparison.Ordinal);
    }
}
