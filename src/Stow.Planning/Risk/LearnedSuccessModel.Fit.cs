namespace Stow.Planning.Risk;

using MathNet.Numerics.LinearAlgebra;
using Stow.Core.Outcomes;

/// <summary>Fitting of <see cref="LearnedSuccessModel"/> from attempt records.</summary>
public sealed partial class LearnedSuccessModel
{
    private const int OneHotStart = 1;
    private const int ChainStart = OneHotStart + FeatureEncoder.ClassCount;
    private const int ContinuousStart = ChainStart + Candidates.PrimitiveChain.Count;
    private const int Dimension = ContinuousStart + FeatureEncoder.ContinuousCount;

    /// <summary>
    /// Fits the model to <paramref name="records"/> (success = <see cref="StowOutcome.Stowed"/>) by Newton's method
    /// on the L2-penalised log-likelihood (IRLS; Hastie, Tibshirani, Friedman, ESL 2nd ed., §4.4.1), with step halving
    /// when a step does not lower the loss. Deterministic (no randomness; the same records in the same order give the
    /// same weights). Cost O(n · 28²) per iteration, n = record count; memory O(n · 28) doubles.
    /// Not thread-safe with respect to <paramref name="records"/> being modified during the call.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="records"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> is out of range.</exception>
    public static LearnedSuccessModel Fit(IEnumerable<AttemptRecord> records, LogisticFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        options ??= new LogisticFitOptions();
        options.Validate();
        var list = records as IReadOnlyList<AttemptRecord> ?? records.ToList();
        var n = list.Count;
        if (n == 0)
        {
            throw new ArgumentException("fitting needs at least one attempt record", nameof(records));
        }

        // Design matrix: [1, class one-hot, chain one-hot, raw continuous]; continuous standardised below.
        var x = new double[n * Dimension];
        var y = new double[n];
        Span<double> c = stackalloc double[FeatureEncoder.ContinuousCount];
        for (var i = 0; i < n; i++)
        {
            var r = list[i];
            var row = x.AsSpan(i * Dimension, Dimension);
            row[0] = 1;
            row[OneHotStart + FeatureEncoder.ClassIndex(r.Features.Class)] = 1;
            row[ChainStart + FeatureEncoder.ChainIndex(r.Features.Chain)] = 1;
            FeatureEncoder.WriteContinuous(r.Features, c);
            c.CopyTo(row[ContinuousStart..]);
            y[i] = r.Succeeded ? 1 : 0;
        }

        var means = new double[FeatureEncoder.ContinuousCount];
        var scales = new double[FeatureEncoder.ContinuousCount];
        Standardise(x, n, means, scales);

        var w = new double[Dimension];
        var iterations = Newton(x, y, n, w, options);

        return new LearnedSuccessModel(new LearnedModelParameters(
            w[0],
            w.AsSpan(OneHotStart, FeatureEncoder.ClassCount).ToArray(),
            w.AsSpan(ChainStart, Candidates.PrimitiveChain.Count).ToArray(),
            w.AsSpan(ContinuousStart, FeatureEncoder.ContinuousCount).ToArray(),
            means,
            scales,
            options.L2,
            n,
            iterations));
    }

    private static void Standardise(double[] x, int n, double[] means, double[] scales)
    {
        for (var j = 0; j < means.Length; j++)
        {
            double sum = 0;
            for (var i = 0; i < n; i++)
            {
                sum += x[(i * Dimension) + ContinuousStart + j];
            }

            var mean = sum / n;
            double ss = 0;
            for (var i = 0; i < n; i++)
            {
                var d = x[(i * Dimension) + ContinuousStart + j] - mean;
                ss += d * d;
            }

            var sd = Math.Sqrt(ss / n);
            var scale = sd > 1e-12 ? sd : 1;
            means[j] = mean;
            scales[j] = scale;
            for (var i = 0; i < n; i++)
            {
                ref var v = ref x[(i * Dimension) + ContinuousStart + j];
                v = (v - mean) / scale;
            }
        }
    }

    private static int Newton(double[] x, double[] y, int n, double[] w, LogisticFitOptions options)
    {
        var lambda = options.L2;
        var loss = Loss(x, y, n, w, lambda);
        var trial = new double[Dimension];
        var iteration = 0;
        while (iteration < options.MaxIterations)
        {
            iteration++;
            var grad = new double[Dimension];
            var hess = Matrix<double>.Build.Dense(Dimension, Dimension);
            for (var i = 0; i < n; i++)
            {
                var row = x.AsSpan(i * Dimension, Dimension);
                var p = FeatureEncoder.Sigmoid(Dot(row, w));
                var r = p - y[i];
                var h = Math.Max(p * (1 - p), 1e-12);
                for (var a = 0; a < Dimension; a++)
                {
                    var xa = row[a];
                    if (xa == 0)
                    {
                        continue;
                    }

                    grad[a] += r * xa;
                    for (var b = a; b < Dimension; b++)
                    {
                        hess[a, b] += h * xa * row[b];
                    }
                }
            }

            for (var a = 0; a < Dimension; a++)
            {
                for (var b = 0; b < a; b++)
                {
                    hess[a, b] = hess[b, a];
                }

                if (a > 0)
                {
                    grad[a] += lambda * w[a];
                    hess[a, a] += lambda;
                }
                else
                {
                    hess[a, a] += 1e-9; // keeps the bias row positive definite when every p saturates
                }
            }

            var step = hess.Cholesky().Solve(Vector<double>.Build.DenseOfArray(grad));
            var t = 1.0;
            double newLoss;
            var halvings = 0;
            while (true)
            {
                for (var a = 0; a < Dimension; a++)
                {
                    trial[a] = w[a] - (t * step[a]);
                }

                newLoss = Loss(x, y, n, trial, lambda);
                if (newLoss <= loss + 1e-12 || halvings >= 30)
                {
                    break;
                }

                t *= 0.5;
                halvings++;
            }

            double maxChange = 0;
            for (var a = 0; a < Dimension; a++)
            {
                maxChange = Math.Max(maxChange, Math.Abs(trial[a] - w[a]));
                w[a] = trial[a];
            }

            loss = newLoss;
            if (maxChange < options.Tolerance)
            {
                break;
            }
        }

        return iteration;
    }

    private static double Loss(double[] x, double[] y, int n, double[] w, double lambda)
    {
        double loss = 0;
        for (var i = 0; i < n; i++)
        {
            var z = Dot(x.AsSpan(i * Dimension, Dimension), w);

            // log(1 + e^z) − y·z, computed without overflow.
            loss += (z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z))) - (y[i] * z);
        }

        double pen = 0;
        for (var a = 1; a < Dimension; a++)
        {
            pen += w[a] * w[a];
        }

        return loss + (0.5 * lambda * pen);
    }

    private static double Dot(ReadOnlySpan<double> row, double[] w)
    {
        double s = 0;
        for (var a = 0; a < row.Length; a++)
        {
            s += row[a] * w[a];
        }

        return s;
    }
}
