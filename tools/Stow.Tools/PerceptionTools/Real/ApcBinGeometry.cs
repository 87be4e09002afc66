using System.Globalization;
using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Perception.Rectification;

namespace Stow.Tools.PerceptionTools.Real;

/// <summary>
/// Where the APC 2016 bin sits relative to the camera. The toolbox's bin frame (cam.info.txt "Bin-to-world")
/// has its origin at the bottom centre of the opening: x into the bin, y to the left seen from the front,
/// z up. Evidence: the toolbox crops shelf points to x ∈ [−0.01, 0.40], y ∈ [−0.17, 0.17], z ∈ [−0.06, 0.20]
/// m in that frame (<c>getScenePointCloud.m</c>), i.e. a 0.37 m deep, ±0.153 m wide bin with its floor at z = 0
/// and a small margin; the cameras sit 0.33–0.36 m in front of x = 0 at mid-height, and the depth confirms
/// it (docs/perception-real-frames.md). This class maps that frame to StowCell's <see cref="BinSpec"/> frame
/// (origin at the front-right-bottom corner: y' = y + width/2). Immutable.
/// </summary>
/// <param name="Depth">Bin depth [m] (bin_upper_shelf.yaml row 1).</param>
/// <param name="Width">Opening width [m] (row 2).</param>
/// <param name="Height">Opening height [m] (row 3).</param>
/// <param name="BinToWorld">Toolbox bin frame to world [m].</param>
public sealed record ApcBinGeometry(double Depth, double Width, double Height, RigidTransform BinToWorld)
{
    /// <summary>Bin volume [m³].</summary>
    public double Volume => Depth * Width * Height;

    /// <summary>Reads bin <paramref name="binLetter"/>'s size from a jsk_apc <c>bin_*_shelf.yaml</c>.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="FormatException">No such bin, or a malformed <c>dimensions</c>/<c>prefixes</c> line (file and line named).</exception>
    public static ApcBinGeometry Load(string yamlPath, string binLetter, RigidTransform binToWorld)
    {
        if (!File.Exists(yamlPath))
        {
            throw new FileNotFoundException($"{yamlPath}: bin size file is missing", yamlPath);
        }

        var lines = File.ReadAllLines(yamlPath);
        int dimLine = -1, preLine = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            dimLine = lines[i].StartsWith("dimensions:", StringComparison.Ordinal) ? i : dimLine;
            preLine = lines[i].StartsWith("prefixes:", StringComparison.Ordinal) ? i : preLine;
        }

        if (dimLine < 0 || preLine < 0)
        {
            throw new FormatException($"{yamlPath}: needs 'dimensions:' and 'prefixes:' lines");
        }

        var prefixes = lines[preLine]["prefixes:".Length..].Trim().Trim('[', ']').Split(',', StringSplitOptions.TrimEntries);
        var index = Array.IndexOf(prefixes, $"bin_{binLetter.ToLowerInvariant()}");
        if (index < 0)
        {
            throw new FormatException($"{yamlPath}:{preLine + 1}: no bin_{binLetter.ToLowerInvariant()} in prefixes");
        }

        var rows = lines[dimLine]["dimensions:".Length..].Trim().TrimStart('[').TrimEnd(']').Split("], [", StringSplitOptions.TrimEntries);
        if (index >= rows.Length)
        {
            throw new FormatException($"{yamlPath}:{dimLine + 1}: {rows.Length} dimension rows, bin index {index}");
        }

        var v = rows[index].Trim('[', ']').Split(',', StringSplitOptions.TrimEntries)
            .Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0 ? d
                : throw new FormatException($"{yamlPath}:{dimLine + 1}: '{s}' is not a positive size")).ToArray();
        return v.Length == 3 ? new ApcBinGeometry(v[0], v[1], v[2], binToWorld)
            : throw new FormatException($"{yamlPath}:{dimLine + 1}: bin row has {v.Length} values, 3 expected (depth, width, height)");
    }

    /// <summary>A one-bin pod type for this bin (no bands) so that the pipeline can run on it.</summary>
    public PodType PodType() =>
        new("apc2016-bin-b", Width, Height, [new BinSpec(new BinId(0, 0), Width, Height, Depth, [], 0, Vec3.Zero)]);

    /// <summary>
    /// The opening in frame <paramref name="cameraToWorld"/>'s colour image: corners TL, TR, BR, BL as seen in the
    /// image, in <see cref="OpeningQuad"/>'s pixel convention (pixel i spans [i, i+1)), camera-frame depth [m].
    /// </summary>
    public OpeningQuad Quad(RigidTransform cameraToWorld, double[] colorK)
    {
        ArgumentNullException.ThrowIfNull(cameraToWorld);
        ArgumentNullException.ThrowIfNull(colorK);
        var binToCam = cameraToWorld.InverseRigid().Multiply(BinToWorld);
        double hw = Width / 2;
        (double Y, double Z)[] corners = [(hw, Height), (-hw, Height), (-hw, 0), (hw, 0)];
        var u = new double[4];
        var v = new double[4];
        var z = new double[4];
        for (var k = 0; k < 4; k++)
        {
            var (x, y, zc) = binToCam.Apply(0, corners[k].Y, corners[k].Z);
            u[k] = (colorK[0] * x / zc) + colorK[2] - 0.5;
            v[k] = (colorK[4] * y / zc) + colorK[5] - 0.5;
            z[k] = zc;
        }

        return new OpeningQuad(u, v, z);
    }

    /// <summary>Whether all four corners lie in front of the camera and inside a <paramref name="width"/>×<paramref name="height"/> image.</summary>
    public static bool InsideImage(OpeningQuad quad, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(quad);
        for (var k = 0; k < 4; k++)
        {
            if (!(quad.Z[k] > 0) || quad.U[k] < 0 || quad.V[k] < 0 || quad.U[k] > width || quad.V[k] > height)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Fraction of the opening's area (sampled on a 64×48 rectification grid) that falls inside the image.</summary>
    public static double VisibleFraction(OpeningQuad quad, int width, int height)
    {
        using var map = new BinRectification(quad, 64, 48);
        var inside = 0;
        for (var k = 0; k < map.MapX.Length; k++)
        {
            // MapX/MapY are in OpenCV's convention (pixel centres at integers): the image spans [-0.5, size - 0.5].
            inside += map.MapX[k] >= -0.5f && map.MapY[k] >= -0.5f && map.MapX[k] <= width - 0.5f && map.MapY[k] <= height - 0.5f ? 1 : 0;
        }

        return inside / (double)map.MapX.Length;
    }

    /// <summary>Maps a colour-camera point [m] to the <see cref="BinSpec"/> frame (x depth, y from the right wall, z up) [m].</summary>
    public static (double X, double Y, double Z) CameraToBin(RigidTransform camToBin, double width, double x, double y, double z)
    {
        ArgumentNullException.ThrowIfNull(camToBin);
        var (bx, by, bz) = camToBin.Apply(x, y, z);
        return (bx, by + (width / 2), bz);
    }
}
