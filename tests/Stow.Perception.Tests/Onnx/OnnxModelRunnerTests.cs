namespace Stow.Perception.Tests.Onnx;

using Stow.Perception.Onnx;

public sealed class OnnxModelRunnerTests
{
    [Fact]
    public void Affine_Model_Gives_Two_X_Plus_One_On_Every_Run_Reusing_Its_Buffers()
    {
        using OnnxSession session = OnnxSession.Load(TestModels.Affine);
        using OnnxModelRunner runner = session.Bind(batchSize: 3);
        OnnxBoundTensor x = runner.Input("x");
        OnnxBoundTensor y = runner.Output("y");
        Assert.Equal([3L, 4L], x.Shape);
        Assert.Equal([3L, 4L], y.Shape);

        for (int run = 0; run < 5; run++)
        {
            Span<float> input = x.AsSpan<float>();
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = (run * 100) + i - 5.5f;
            }

            runner.Run();

            Assert.Same(y, runner.Output("y"));
            ReadOnlySpan<float> output = y.AsSpan<float>();
            for (int i = 0; i < output.Length; i++)
            {
                Assert.Equal((2f * input[i]) + 1f, output[i]);
            }
        }
    }

    [Fact]
    public void Two_Input_Add_Model_Sums_Its_Inputs()
    {
        using OnnxSession session = OnnxSession.Load(TestModels.Add);
        using OnnxModelRunner runner = session.Bind(
        [
            new OnnxTensorBinding("b", TensorElementType.Float32, [2, 3]),
            new OnnxTensorBinding("a", TensorElementType.Float32, [2, 3]),
        ]);
        float[] a = [1, 2, 3, 4, 5, 6];
        float[] b = [10, 20, 30, 40, 50, 60];
        a.CopyTo(runner.Input("a").AsSpan<float>());
        b.CopyTo(runner.Input("b").AsSpan<float>());

        runner.Run();

        Assert.Equal([11f, 22f, 33f, 44f, 55f, 66f], runner.Output("sum").AsSpan<float>().ToArray());
        Assert.Equal(["a", "b"], runner.Inputs.Select(t => t.Name));
    }

    [Fact]
    public void Uint8_Input_And_Int64_Output_Are_Bound_And_Computed()
    {
        using OnnxSession session = OnnxSession.Load(TestModels.U8ToI64);
        using OnnxModelRunner runner = session.Bind(2);
        byte[] x = [0, 1, 2, 3, 100, 200, 254, 255];
        x.CopyTo(runner.Input("x").AsSpan<byte>());

        runner.Run();

        Assert.Equal(x.Select(v => v * 3L).ToArray(), runner.Output("y").AsSpan<long>().ToArray());
    }

    [Fact]
    public void Wrong_Input_Shape_Is_Refused_At_Bind_Naming_Model_Input_And_Shapes()
    {
        using OnnxSession session = OnnxSession.Load(TestModels.Affine);
        var e = Assert.Throws<ModelContractException>(
            () => session.Bind([new OnnxTensorBinding("x", TensorElementType.Float32, [2, 3])]));
        Assert.Equal("model affine.onnx: input 'x' shape [2,3] bound, [batch,4] in model", e.Message);
        Assert.Equal("input 'x' shape", e.Field);
    }

    [Fact]
    public void Wrong_Input_Rank_Is_Refused_At_Bind()
    {
        using OnnxSession session = OnnxSession.Load(TestModels.Affine);
        var e = Assert.Throws<ModelContractException>(
            () => session.Bind([new OnnxTensorBinding("x", TensorElementType.Float32, [2, 4, 1])]));
        Assert.Equal("model affine.onnx: input 'x' shape [2,4,1] bound, [batch,4] in model", e.Message);
    }

    [Fact]
    public void Wrong_Input_Type_Is_Refused_At_Bind()
    {
        using OnnxSession session = OnnxSession.Load(TestModels.Affine);
        var e = Assert.Throws<ModelContractException>(
            () => session.Bind([new OnnxTensorBinding("x", TensorElementType.UInt8, [2, 4])]));
        Assert.Equal("model affine.onnx: input 'x' element type uint8 bound, float32 in model", e.Message);
    }

    [Fact]
    public void Unknown_Or_Missing_Input_Names_Are_Refused_At_Bind()
    {
        using OnnxSession session = OnnxSession.Load(TestModels.Add);
        var unknown = Assert.Throws<ModelContractException>(
            () => session.Bind([new OnnxTensorBinding("c", TensorElementType.Float32, [1, 3])]));
        Assert.Equal("model add.onnx: input 'c' bound, but the model's inputs are 'a', 'b'", unknown.Message);

        var missing = Assert.Throws<ModelContractException>(
            () => session.Bind([new OnnxTensorBinding("a", TensorElementType.Float32, [1, 3])]));
        Assert.Equal("model add.onnx: input 'b' [batch,3] is not bound", missing.Message);
    }

    [Fact]
    public void One_Symbol_Given_Two_Sizes_Is_Refused_At_Bind()
    {
        using OnnxSession session = OnnxSession.Load(TestModels.Add);
        var e = Assert.Throws<ModelContractException>(() => session.Bind(
        [
            new OnnxTensorBinding("a", TensorElementType.Float32, [1, 3]),
            new OnnxTensorBinding("b", TensorElementType.Float32, [2, 3]),
        ]));
        Assert.Equal("model add.onnx: input 'b' shape [2,3] bound, [batch,3] in model", e.Message);
    }

    [Fact]
    public void Reading_A_Buffer_As_The_Wrong_Element_Type_Is_Refused()
    {
        using OnnxSession session = OnnxSession.Load(TestModels.Affine);
        using OnnxModelRunner runner = session.Bind(1);
        var e = Assert.Throws<InvalidOperationException>(() => runner.Input("x").AsSpan<long>());
        Assert.Contains("float32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Steady_State_Runs_Allocate_Nothing()
    {
        using OnnxSession session = OnnxSession.Load(TestModels.Affine, new OnnxSessionOptions { IntraOpThreadCount = 1 });
        using OnnxModelRunner runner = session.Bind(8);
        OnnxBoundTensor x = runner.Input("x");
        OnnxBoundTensor y = runner.Output("y");
        float checksum = 0;
        for (int i = 0; i < 50; i++)
        {
            checksum += RunOnce(runner, x, y, i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            checksum += RunOnce(runner, x, y, i);
        }

        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
        Assert.True(float.IsFinite(checksum));
        Assert.Equal((2f * 99f) + 1f, y.AsSpan<float>()[0]);
    }

    [Fact]
    public void Disposing_The_Session_Keeps_A_Live_Runner_Working_Until_It_Is_Disposed()
    {
        OnnxSession session = OnnxSession.Load(TestModels.Affine);
        using OnnxModelRunner runner = session.Bind(1);
        session.Dispose();

        runner.Input("x").AsSpan<float>().Fill(1f);
        runner.Run();

        Assert.Equal(3f, runner.Output("y").AsSpan<float>()[0]);
        Assert.Throws<ObjectDisposedException>(() => session.Bind(1));
    }

    [Fact]
    public void Disposed_Runner_Refuses_To_Run()
    {
        using OnnxSession session = OnnxSession.Load(TestModels.Affine);
        OnnxModelRunner runner = session.Bind(1);
        runner.Dispose();
        Assert.Throws<ObjectDisposedException>(runner.Run);
    }

    [Fact]
    public void Runners_Of_One_Session_Run_In_Parallel_On_Their_Own_Buffers()
    {
        using OnnxSession session = OnnxSession.Load(TestModels.Affine);
        Parallel.For(0, 4, worker =>
        {
            using OnnxModelRunner runner = session.Bind(2);
            for (int i = 0; i < 50; i++)
            {
                runner.Input("x").AsSpan<float>().Fill(worker * 1000 + i);
                runner.Run();
                Assert.All(runner.Output("y").AsSpan<float>().ToArray(), v => Assert.Equal((2f * (worker * 1000 + i)) + 1f, v));
            }
        });
    }

    private static float RunOnce(OnnxModelRunner runner, OnnxBoundTensor x, OnnxBoundTensor y, int value)
    {
        x.AsSpan<float>().Fill(value);
        runner.Run();
        return y.AsSpan<float>()[^1];
    }
}
