using BenchmarkDotNet.Attributes;
using Stow.Hardware.Ur.Rtde;

namespace Stow.Bench.Ur;

/// <summary>
/// Parse time of one RTDE data package of the ur.arm driver's state recipe (14 fields, 6 of them VECTOR6D: 323 bytes),
/// against a plain copy of the same bytes as the reference (what any parser must at least do), and the write side.
/// </summary>
[MemoryDiagnoser]
public class RtdeParseBenchmarks
{
    private static readonly string[] Names =
    [
        "timestamp", "actual_q", "actual_qd", "actual_TCP_pose", "actual_TCP_speed", "actual_TCP_force", "target_q",
        "robot_mode", "safety_mode", "safety_status", "runtime_state", "speed_scaling", "output_int_register_24", "output_int_register_25",
    ];

    private readonly byte[] _package;
    private readonly byte[] _copy;
    private readonly RtdeRecipe _recipe;
    private RtdeState _state;

    /// <summary>Builds the recipe and one package.</summary>
    public RtdeParseBenchmarks()
    {
        var fields = Names.Select(n => RtdeFields.TryResolveOutput(n, out var f) ? f : throw new InvalidOperationException(n)).ToList();
        _recipe = new RtdeRecipe(1, fields);
        _package = new byte[_recipe.PackageSize];
        var s = default(RtdeState);
        s.Timestamp = 12.5;
        for (var i = 0; i < 6; i++)
        {
            s.ActualQ[i] = 0.1 * i;
            s.ActualTcpPose[i] = -0.2 * i;
        }

        RtdeCodec.WritePackage(_package, _recipe, s);
        _copy = new byte[_package.Length];
    }

    /// <summary>Reference: copy the package's bytes.</summary>
    /// <returns>Bytes copied.</returns>
    [Benchmark(Baseline = true)]
    public int CopyBytes()
    {
        _package.AsSpan().CopyTo(_copy);
        return _copy.Length;
    }

    /// <summary>Parse the package's fields into the state struct (what the receive thread does per package).</summary>
    /// <returns>True when parsed.</returns>
    [Benchmark]
    public bool ParsePackage() => RtdeCodec.ReadFields(_package.AsSpan(RtdePackets.HeaderSize + 1), _recipe, ref _state);

    /// <summary>Serialise the package (what the emulator does per client per tick).</summary>
    /// <returns>Bytes written.</returns>
    [Benchmark]
    public int WritePackage() => RtdeCodec.WritePackage(_copy, _recipe, _state);
}
