namespace Stow.Tools.PerceptionTools.Real;

/// <summary>A 4×4 homogeneous transform, row-major (as written in the APC vision toolbox's cam.info.txt). Immutable.</summary>
public sealed class RigidTransform
{
    private readonly double[] _m;

    /// <summary>Wraps 16 row-major values.</summary>
    /// <exception cref="ArgumentException">Not 16 values.</exception>
    public RigidTransform(double[] rowMajor)
    {
        ArgumentNullException.ThrowIfNull(rowMajor);
        if (rowMajor.Length != 16)
        {
            throw new ArgumentException($"a 4x4 transform has 16 values, got {rowMajor.Length}");
        }

        _m = (double[])rowMajor.Clone();
    }

    /// <summary>Element at row <paramref name="r"/>, column <paramref name="c"/>.</summary>
    public double this[int r, int c] => _m[(r * 4) + c];

    /// <summary>Translation [m].</summary>
    public (double X, double Y, double Z) Translation => (_m[3], _m[7], _m[11]);

    /// <summary>Maps a point [m].</summary>
    public (double X, double Y, double Z) Apply(double x, double y, double z) =>
        ((_m[0] * x) + (_m[1] * y) + (_m[2] * z) + _m[3],
         (_m[4] * x) + (_m[5] * y) + (_m[6] * z) + _m[7],
         (_m[8] * x) + (_m[9] * y) + (_m[10] * z) + _m[11]);

    /// <summary>Inverse of a rigid transform (rotation transposed; the rotation part is assumed orthonormal).</summary>
    public RigidTransform InverseRigid()
    {
        var r = new double[16];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                r[(i * 4) + j] = _m[(j * 4) + i];
            }

            r[(i * 4) + 3] = -((_m[i] * _m[3]) + (_m[4 + i] * _m[7]) + (_m[8 + i] * _m[11]));
        }

        r[15] = 1;
        return new RigidTransform(r);
    }

    /// <summary>Matrix product this · <paramref name="other"/> (maps by <paramref name="other"/> first).</summary>
    public RigidTransform Multiply(RigidTransform other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var r = new double[16];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                double s = 0;
                for (var k = 0; k < 4; k++)
                {
                    s += _m[(i * 4) + k] * other._m[(k * 4) + j];
                }

                r[(i * 4) + j] = s;
            }
        }

        return new RigidTransform(r);
    }
}
