using System.Globalization;

namespace Stow.Tools.PerceptionTools.Real;

/// <summary>
/// The APC vision toolbox's <c>cam.info.txt</c> (andyzeng/apc-vision-toolbox, <c>rgbd-utils/matlab/loadScene.m</c>):
/// header comments (environment, bin id, objects), then matrices under <c># ...</c> headings, one row per
/// line, tab-separated: colour and depth intrinsics (3×3 [px]), depth-to-colour extrinsics, bin-to-world
/// and one camera-to-world pose per frame (4×4, translations [m]). Immutable.
/// </summary>
/// <param name="BinId">Bin letter, e.g. <c>B</c>.</param>
/// <param name="Objects">Object names in the bin.</param>
/// <param name="ColorK">Colour intrinsics, row-major 3×3 [px] (principal point in the toolbox's 1-based pixel convention).</param>
/// <param name="DepthK">Depth intrinsics, row-major 3×3 [px].</param>
/// <param name="DepthToColor">Depth-camera to colour-camera extrinsics [m].</param>
/// <param name="BinToWorld">Bin frame to world [m].</param>
/// <param name="CameraToWorld">Colour camera to world per frame [m], in frame order.</param>
public sealed record ApcCamInfo(
    string BinId,
    IReadOnlyList<string> Objects,
    double[] ColorK,
    double[] DepthK,
    RigidTransform DepthToColor,
    RigidTransform BinToWorld,
    IReadOnlyList<RigidTransform> CameraToWorld)
{
    /// <summary>Parses a file.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="FormatException">A section or matrix row is missing or malformed; the message names the file and line.</exception>
    public static ApcCamInfo Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: camera info file is missing", path);
        }

        return Parse(File.ReadAllLines(path), path);
    }

    /// <summary>Parses the lines of a file; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="FormatException">See <see cref="Load"/>.</exception>
    public static ApcCamInfo Parse(IReadOnlyList<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        string binId = string.Empty;
        var objects = new List<string>();
        double[]? colorK = null, depthK = null, d2c = null, b2w = null;
        var poses = new List<RigidTransform>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith('#'))
            {
                if (line.Length > 0)
                {
                    throw new FormatException($"{source}:{i + 1}: numbers outside a '# ...' matrix section");
                }

                continue;
            }

            var head = line.TrimStart('#').Trim();
            if (head.StartsWith("Bin ID:", StringComparison.Ordinal))
            {
                binId = head["Bin ID:".Length..].Trim();
            }
            else if (head.StartsWith("Objects:", StringComparison.Ordinal))
            {
                objects.AddRange(head["Objects:".Length..].Split('"').Where((_, k) => k % 2 == 1));
            }
            else if (head.StartsWith("Color camera intrinsic", StringComparison.Ordinal))
            {
                colorK = Matrix(lines, ref i, 3, 3, source);
            }
            else if (head.StartsWith("Depth camera intrinsic", StringComparison.Ordinal))
            {
                depthK = Matrix(lines, ref i, 3, 3, source);
            }
            else if (head.StartsWith("Depth-to-color", StringComparison.Ordinal))
            {
                d2c = Matrix(lines, ref i, 4, 4, source);
            }
            else if (head.StartsWith("Bin-to-world", StringComparison.Ordinal))
            {
                b2w = Matrix(lines, ref i, 4, 4, source);
            }
            else if (head.StartsWith("Camera-to-world", StringComparison.Ordinal))
            {
                poses.Add(new RigidTransform(Matrix(lines, ref i, 4, 4, source)));
            }
        }

        string Missing(string what) => $"{source}: no '# {what}' section";
        return new ApcCamInfo(
            binId,
            objects,
            colorK ?? throw new FormatException(Missing("Color camera intrinsic matrix")),
            depthK ?? throw new FormatException(Missing("Depth camera intrinsic matrix")),
            new RigidTransform(d2c ?? throw new FormatException(Missing("Depth-to-color camera extrinsic matrix"))),
            new RigidTransform(b2w ?? throw new FormatException(Missing("Bin-to-world transformation matrix"))),
            poses.Count > 0 ? poses : throw new FormatException(Missing("Camera-to-world extrinsic matrix (camera pose) for frame-000000")));
    }

    private static double[] Matrix(IReadOnlyList<string> lines, ref int i, int rows, int cols, string source)
    {
        var m = new double[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            i++;
            if (i >= lines.Count)
            {
                throw new FormatException($"{source}:{i + 1}: file ends inside a {rows}x{cols} matrix (row {r + 1} missing)");
            }

            var parts = lines[i].Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != cols)
            {
                throw new FormatException($"{source}:{i + 1}: matrix row has {parts.Length} values, {cols} expected");
            }

            for (var c = 0; c < cols; c++)
            {
                if (!double.TryParse(parts[c], NumberStyles.Float, CultureInfo.InvariantCulture, out m[(r * cols) + c]) || !double.IsFinite(m[(r * cols) + c]))
                {
                    throw new FormatException($"{source}:{i + 1}: '{parts[c]}' is not a number");
                }
            }
        }

        return m;
    }
}
