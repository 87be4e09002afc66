namespace Stow.Perception.Tests.Onnx;

using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Stow.Perception.Onnx;
using Xunit.Abstractions;
using OnnxRuntimeException = Stow.Perception.Onnx.OnnxRuntimeException;

public sealed class OnnxSessionTests(ITestOutputHelper output)
{
    [Fact]
    public void Environment_Loads_The_Pinned_OnnxRuntime_With_The_Cpu_Provider()
    {
        OrtEnv env = OnnxEnvironment.Instance;
        Assert.Equal("1.31.0", env.GetVersionString());
        Assert.Contains("CPUExecutionProvider", env.GetAvailableProviders());
        Assert.Same(env, OnnxEnvironment.Instance);
        Assert.Same(env, OrtEnv.Instance());
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
    public void Load_Reports_The_Provider_That_Ran_Every_Node_And_Stops_Profiling()
    {
        using OnnxSession session = OnnxSession.Load(TestModels.Affine);

        // affine is y = 2x + 1: a Mul and an Add node, both on the CPU provider in ORT's profile.
        Assert.Equal("cpu", session.ExecutionProvider);
        Assert.Equal(["CPUExecutionProvider"], session.NodesByProvider.Keys);
        Assert.InRange(session.NodesByProvider["CPUExecutionProvider"], 1, 2);
        Assert.Equal(string.Empty, session.InferenceSession.EndProfiling()); // already ended: later runs are not profiled
    }

    [Fact]
    public void Orts_Log_Line_Keeps_Its_Message_Without_The_Source_Location()
    {
        const string line = "/onnxruntime_src/onnxruntime/core/session/provider_bridge_ort.cc:2043 onnxruntime::Provider& "
            + "onnxruntime::ProviderLibrary::Get() [ONNXRuntimeError] : 1 : FAIL : Failed to load library /x/libonnxruntime_providers_cuda.so "
            + "with error: libcublasLt.so.13: cannot open shared object file: No such file or directory\n";

        Assert.Equal(
            "Failed to load library /x/libonnxruntime_providers_cuda.so with error: libcublasLt.so.13: cannot open shared object file: No such file or directory",
            OnnxEnvironment.Clean(line));
        Assert.Equal("plain message on two lines", OnnxEnvironment.Clean("plain message\r\non two lines"));
    }

    [Fact]
    public void A_Profile_With_Nodes_On_Two_Providers_Is_Counted_Per_Node()
    {
        const string profile = """
            [
            {"cat" : "Session","name" :"model_run","args" : {}},
            {"cat" : "Node","name" :"Conv_0_fence_before","args" : {"op_name" : "Conv"}},
            {"cat" : "Node","name" :"Conv_0_kernel_time","args" : {"op_name" : "Conv","provider" : "CUDAExecutionProvider"}},
            {"cat" : "Node","name" :"Conv_1_kernel_time","args" : {"op_name" : "Conv","provider" : "CUDAExecutionProvider"}},
            {"cat" : "Node","name" :"Shape_2_kernel_time","args" : {"op_name" : "Shape","provider" : "CPUExecutionProvider"}}
            ]
            """;

        Dictionary<string, int> counts = OnnxSession.ReadProfile(profile);

        Assert.Equal(2, counts["CUDAExecutionProvider"]);
        Assert.Equal(1, counts["CPUExecutionProvider"]);
        Assert.Equal(2, counts.Count);
        Assert.Equal("cuda", OnnxSession.ShortProviderName("CUDAExecutionProvider"));
        Assert.Equal("cpu", OnnxSession.ShortProviderName("CPUExecutionProvider"));
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
        Assert.StartsWith("model noise.onnx: [ORT InvalidProtobuf] ", e.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(e.OrtMessage));
        Assert.Contains(e.OrtMessage, e.Message, StringComparison.Ordinal);
        Assert.Equal(OnnxErrorCode.InvalidProtobuf, e.ErrorCode);
        Assert.Equal(path, e.ModelPath);
        Assert.IsType<Microsoft.ML.OnnxRuntime.OnnxRuntimeException>(e.InnerException);
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
        if (session.ProviderFallbackReason is null)
        {
            // A machine with CUDA 13 and cuDNN 9: the profile must show the CUDA provider at work.
            Assert.Equal(OnnxExecutionProvider.Cuda, session.ActiveProvider);
            Assert.StartsWith("cuda", session.ExecutionProvider, StringComparison.Ordinal);
            return;
        }

        (LogLevel level, string message) = Assert.Single(logger.Entries);
        output.WriteLine(message);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("affine.onnx", message, StringComparison.Ordinal);
        Assert.Contains("CUDA", message, StringComparison.Ordinal);
        Assert.Contains("running on CPU", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
        Assert.Contains(session.ProviderFallbackReason, message, StringComparison.Ordinal);

        // ORT's own message names the CUDA or cuDNN library it could not load (here libcublasLt.so.13), not just
        // its provider library.
        Match missing = Regex.Match(message, @"(lib[\w.+-]+\.so[\d.]*): cannot open shared object file");
        Assert.True(missing.Success, message);
        Assert.DoesNotContain("onnxruntime", missing.Groups[1].Value, StringComparison.Ordinal);
        Assert.Equal(OnnxExecutionProvider.Cpu, session.ActiveProvider);
        Assert.Equal("cpu", session.ExecutionProvider);
    }

    [Fact]
    public void Intra_Op_Threads_And_Optimisation_Level_Are_Accepted()
    {
        var options = new OnnxSessionOptions { IntraOpThreadCount = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
        using OnnxSession session = OnnxSession.Load(TestModels.Affine, options);
        Assert.Equal(1, session.Options.IntraOpThreadCount);
        Assert.Equal("cpu", session.ExecutionProvider);
    }

    [Fact]
    public void Optimisation_Level_Names_Parse_And_Unknown_Names_Or_Values_Are_Refused()
    {
        Assert.Equal(GraphOptimizationLevel.ORT_ENABLE_ALL, OnnxSessionOptions.ParseOptimizationLevel(" All "));
        Assert.Equal(GraphOptimizationLevel.ORT_DISABLE_ALL, OnnxSessionOptions.ParseOptimizationLevel("none"));
        Assert.Equal(GraphOptimizationLevel.ORT_ENABLE_EXTENDED, OnnxSessionOptions.ParseOptimizationLevel("extended"));
        var e = Assert.Throws<ArgumentException>(() => OnnxSessionOptions.ParseOptimizationLevel("fastest"));
        Assert.Contains("'fastest'", e.Message, StringComparison.Ordinal);
        var options = new OnnxSessionOptions { GraphOptimizationLevel = (GraphOptimizationLevel)42 };
        Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxSession.Load(TestModels.Affine, options));
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxSession.Load(TestModels.Affine, new OnnxSessionOptions { IntraOpThreadCount = -1 }));
    }

    [Fact]
    public void Unknown_Provider_Name_Is_Refused()
    {
        Assert.Throws<ArgumentException>(() => OnnxSessionOptions.Parse("tpu"));
        Assert.Equal(OnnxExecutionProvider.Cpu, OnnxSessionOptions.Parse(" CPU "));
    }
}
