using Stow.Tools.PerceptionTools.Real;

namespace Stow.Tools.Tests.Perception;

public class ApcCamInfoTests
{
    private static readonly string[] Good =
    [
        "# Environment: shelf", "# Bin ID: B", "# Objects: [\"a_book\",\"b_box\"]", string.Empty,
        "# Color camera intrinsic matrix", "600\t0\t300", "0\t600\t240", "0\t0\t1", string.Empty,
        "# Depth camera intrinsic matrix", "470\t0\t310", "0\t470\t240", "0\t0\t1", string.Empty,
        "# Depth-to-color camera extrinsic matrix", "1\t0\t0\t0.025", "0\t1\t0\t0", "0\t0\t1\t0", "0\t0\t0\t1", string.Empty,
        "# Bin-to-world transformation matrix", "1\t0\t0\t1.5", "0\t1\t0\t0", "0\t0\t1\t1", "0\t0\t0\t1", string.Empty,
        "# Camera-to-world extrinsic matrix (camera pose) for frame-000000", "0\t0\t1\t1.1", "-1\t0\t0\t0", "0\t-1\t0\t1.1", "0\t0\t0\t1",
    ];

    [Fact]
    public void Parse_Reads_Bin_Objects_Intrinsics_And_Poses()
    {
        var info = ApcCamInfo.Parse(Good, "cam.info.txt");
        Assert.Equal("B", info.BinId);
        Assert.Equal(["a_book", "b_box"], info.Objects);
        Assert.Equal(600, info.ColorK[0]);
        Assert.Equal(310, info.DepthK[2]);
        Assert.Equal(0.025, info.DepthToColor[0, 3]);
        Assert.Single(info.CameraToWorld);
        Assert.Equal((1.1, 0.0, 1.1), info.CameraToWorld[0].Translation);
    }

    [Fact]
    public void Parse_Names_The_File_And_Line_Of_A_Short_Matrix_Row()
    {
        var lines = (string[])Good.Clone();
        lines[16] = "0\t1\t0";
        var e = Assert.Throws<FormatException>(() => ApcCamInfo.Parse(lines, "cam.info.txt"));
        Assert.Contains("cam.info.txt:17", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Names_A_Missing_Section()
    {
        var e = Assert.Throws<FormatException>(() => ApcCamInfo.Parse(Good.Take(19).ToArray(), "cam.info.txt"));
        Assert.Contains("Bin-to-world", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Depth_Samples_Are_Rotated_Right_By_Three_Bits_In_Tenths_Of_A_Millimetre()
    {
        const ushort tenthsMm = 12345;
        var stored = unchecked((ushort)((tenthsMm << 3) | (tenthsMm >> 13)));
        Assert.Equal(1.2345f, ApcFrameSet.DecodeDepth(stored), 5);
        Assert.Equal(0f, ApcFrameSet.DecodeDepth(0));
    }

    [Fact]
    public void Rigid_Inverse_Undoes_The_Transform()
    {
        var t = new RigidTransform([0, 0, 1, 1.1, -1, 0, 0, 0.2, 0, -1, 0, 1.1, 0, 0, 0, 1]);
        var (x, y, z) = t.InverseRigid().Apply(t.Apply(0.1, 0.2, 0.3).X, t.Apply(0.1, 0.2, 0.3).Y, t.Apply(0.1, 0.2, 0.3).Z);
        Assert.Equal(0.1, x, 9);
        Assert.Equal(0.2, y, 9);
        Assert.Equal(0.3, z, 9);
    }
}
