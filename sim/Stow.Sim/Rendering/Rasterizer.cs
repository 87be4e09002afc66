namespace Stow.Sim.Rendering;

using Stow.Core.Geometry;

/// <summary>
/// Z-buffer scan conversion of planar convex quads with a pinhole camera. The depth buffer stores
/// 1/z [1/m] (0 = empty): for a plane n·P = d in the optical frame, 1/z at pixel (u, v) is
/// n·((u − cx)/fx, (v − cy)/fy, 1)/d, affine in u and v, so depth comes exactly from the plane
/// without per-pixel ray casting. A pixel is covered when its centre lies inside the projected
/// polygon (edges inclusive); nearer wins, ties keep the first drawn. Not thread-safe; allocation-free per quad.
/// </summary>
internal sealed class Rasterizer
{
    private const int MaxVertices = 8;
    private readonly int _w;
    private readonly int _h;
    private readonly double _fx;
    private readonly double _fy;
    private readonly double _cx;
    private readonly double _cy;
    private readonly double[] _r;
    private readonly Vec3 _t;
    private readonly double[] _inX = new double[MaxVertices];
    private readonly double[] _inY = new double[MaxVertices];
    private readonly double[] _inZ = new double[MaxVertices];
    private readonly double[] _cX = new double[MaxVertices];
    private readonly double[] _cY = new double[MaxVertices];
    private readonly double[] _cZ = new double[MaxVertices];
    private readonly double[] _u = new double[MaxVertices];
    private readonly double[] _v = new double[MaxVertices];
    private float[] _invZ = [];
    private byte[] _rgb = [];
    private byte[]? _mask;

    public Rasterizer(CameraModel camera)
    {
        _w = camera.Width;
        _h = camera.Height;
        _fx = camera.Fx;
        _fy = camera.Fy;
        _cx = camera.Cx;
        _cy = camera.Cy;
        _r = camera.FaceToCameraRotation;
        _t = camera.Pose.Position;
    }

    /// <summary>Sets the buffers the next quads are drawn into; <paramref name="mask"/> gets 1 where a quad wins.</summary>
    public void SetTarget(float[] invZ, byte[] rgb, byte[]? mask)
    {
        _invZ = invZ;
        _rgb = rgb;
        _mask = mask;
    }

    public void Draw(in SurfaceQuad q)
    {
        // Back-face culling: the camera must be on the normal's side of the plane.
        if (Vec3.Dot(q.Normal, _t - q.P0) <= 1e-12)
        {
            return;
        }

        ToCamera(q.P0, 0);
        ToCamera(q.P1, 1);
        ToCamera(q.P2, 2);
        ToCamera(q.P3, 3);
        var n = ClipNear(4);
        if (n < 3)
        {
            return;
        }

        double minV = double.MaxValue, maxV = double.MinValue, area2 = 0;
        for (var i = 0; i < n; i++)
        {
            _u[i] = (_fx * _cX[i] / _cZ[i]) + _cx;
            _v[i] = (_fy * _cY[i] / _cZ[i]) + _cy;
            minV = Math.Min(minV, _v[i]);
            maxV = Math.Max(maxV, _v[i]);
        }

        for (var i = 0; i < n; i++)
        {
            var j = i + 1 == n ? 0 : i + 1;
            area2 += (_u[i] * _v[j]) - (_u[j] * _v[i]);
        }

        if (Math.Abs(area2) < 1e-12)
        {
            return;
        }

        // Plane in the optical frame: nc·P = d.
        var nc = Rotate(q.Normal);
        var d = (nc.X * _cX[0]) + (nc.Y * _cY[0]) + (nc.Z * _cZ[0]);
        if (Math.Abs(d) < 1e-12)
        {
            return;
        }

        var a = nc.X / (_fx * d);
        var b = nc.Y / (_fy * d);
        var c = (nc.Z - (nc.X * _cx / _fx) - (nc.Y * _cy / _fy)) / d;
        var y0 = Math.Max(0, (int)Math.Ceiling(minV));
        var y1 = Math.Min(_h - 1, (int)Math.Floor(maxV));
        var sign = area2 > 0 ? -1.0 : 1.0;
        var tex = q.Texture;
        TextureMap sMap = default, tMap = default;
        if (tex is not null)
        {
            sMap = MapFor(q.P0, q.P1 - q.P0);
            tMap = MapFor(q.P0, q.P3 - q.P0);
        }

        for (var y = y0; y <= y1; y++)
        {
            if (!Span(n, y, sign, out var x0, out var x1))
            {
                continue;
            }

            var rowC = (b * y) + c;
            if (tex is null)
            {
                FillFlat(y, x0, x1, a, rowC, q.Shaded);
            }
            else
            {
                FillTextured(y, x0, x1, a, rowC, tex, q.Shade256, sMap, tMap);
            }
        }
    }

    private bool Span(int n, int y, double sign, out int x0, out int x1)
    {
        double lo = double.NegativeInfinity, hi = double.PositiveInfinity;
        for (var i = 0; i < n; i++)
        {
            var j = i + 1 == n ? 0 : i + 1;
            var du = _u[j] - _u[i];
            var dv = _v[j] - _v[i];

            // Edge function E(x) = (x − u_i)·dv − (y − v_i)·du; inside when sign·E ≥ 0.
            var ea = sign * dv;
            var ek = sign * ((-_u[i] * dv) - ((y - _v[i]) * du));
            if (ea > 0)
            {
                lo = Math.Max(lo, -ek / ea);
            }
            else if (ea < 0)
            {
                hi = Math.Min(hi, -ek / ea);
            }
            else if (ek < 0)
            {
                x0 = 0;
                x1 = -1;
                return false;
            }
        }

        x0 = (int)Math.Max(0, Math.Ceiling(lo));
        x1 = (int)Math.Min(_w - 1, Math.Floor(hi));
        return x0 <= x1;
    }

    private void FillFlat(int y, int x0, int x1, double a, double rowC, RgbColor col)
    {
        var zb = _invZ;
        var rgb = _rgb;
        var mask = _mask;
        var row = y * _w;
        for (var x = x0; x <= x1; x++)
        {
            var iz = (float)((a * x) + rowC);
            var i = row + x;
            if (iz > zb[i])
            {
                zb[i] = iz;
                var k = i * 3;
                rgb[k] = col.R;
                rgb[k + 1] = col.G;
                rgb[k + 2] = col.B;
                if (mask is not null)
                {
                    mask[i] = 1;
                }
            }
        }
    }

    private void FillTextured(int y, int x0, int x1, double a, double rowC, ItemTexture tex, int shade, TextureMap sm, TextureMap tm)
    {
        var zb = _invZ;
        var rgb = _rgb;
        var texels = tex.Rgb;
        int tw = tex.Width, th = tex.Height;
        var row = y * _w;
        var yn = (y - _cy) / _fy;
        var sRow = (sm.Gy * yn) + sm.Gz;
        var tRow = (tm.Gy * yn) + tm.Gz;
        for (var x = x0; x <= x1; x++)
        {
            var izd = (a * x) + rowC;
            var iz = (float)izd;
            var i = row + x;
            if (iz > zb[i])
            {
                zb[i] = iz;
                var z = 1.0 / izd;
                var xn = (x - _cx) / _fx;
                var s = (z * ((sm.Gx * xn) + sRow)) + sm.Offset;
                var t = (z * ((tm.Gx * xn) + tRow)) + tm.Offset;
                var tx = Math.Clamp((int)(s * tw), 0, tw - 1);
                var ty = Math.Clamp((int)(t * th), 0, th - 1);
                var src = ((ty * tw) + tx) * 3;
                var k = i * 3;
                rgb[k] = (byte)Math.Min(255, (texels[src] * shade) >> 8);
                rgb[k + 1] = (byte)Math.Min(255, (texels[src + 1] * shade) >> 8);
                rgb[k + 2] = (byte)Math.Min(255, (texels[src + 2] * shade) >> 8);
                _mask?[i] = 1;
            }
        }
    }

    /// <summary>s = dot(P − origin, axis)/|axis|² as s = z·(g·ray) + offset, with P = Rᵀ·(z·ray) + t.</summary>
    private TextureMap MapFor(Vec3 origin, Vec3 axis)
    {
        var inv = 1.0 / Vec3.Dot(axis, axis);
        var g = Rotate(axis) * inv;
        return new TextureMap(g.X, g.Y, g.Z, Vec3.Dot(_t - origin, axis) * inv);
    }

    private Vec3 Rotate(Vec3 v) => new(
        (_r[0] * v.X) + (_r[1] * v.Y) + (_r[2] * v.Z),
        (_r[3] * v.X) + (_r[4] * v.Y) + (_r[5] * v.Z),
        (_r[6] * v.X) + (_r[7] * v.Y) + (_r[8] * v.Z));

    private void ToCamera(Vec3 p, int i)
    {
        var c = Rotate(p - _t);
        _inX[i] = c.X;
        _inY[i] = c.Y;
        _inZ[i] = c.Z;
    }

    /// <summary>Sutherland–Hodgman clipping against z ≥ near; result in _cX/_cY/_cZ.</summary>
    private int ClipNear(int n)
    {
        const double near = CameraModel.NearPlane;
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            var j = i + 1 == n ? 0 : i + 1;
            var inI = _inZ[i] >= near;
            var inJ = _inZ[j] >= near;
            if (inI)
            {
                Emit(ref m, _inX[i], _inY[i], _inZ[i]);
            }

            if (inI != inJ)
            {
                var f = (near - _inZ[i]) / (_inZ[j] - _inZ[i]);
                Emit(ref m, _inX[i] + (f * (_inX[j] - _inX[i])), _inY[i] + (f * (_inY[j] - _inY[i])), near);
            }
        }

        return m;
    }

    private void Emit(ref int m, double x, double y, double z)
    {
        _cX[m] = x;
        _cY[m] = y;
        _cZ[m] = z;
        m++;
    }

    private readonly record struct TextureMap(double Gx, double Gy, double Gz, double Offset);
}
