namespace Stow.Planning.Candidates;

using Stow.Core.Space;

/// <summary>
/// Derives the free box a <see cref="PrimitiveChain"/> makes in a bin from a <see cref="BinSpaceEstimate"/>,
/// conservatively. Stateless and thread-safe; allocation-free.
/// </summary>
/// <remarks>
/// <para>A single-step chain gets exactly <see cref="BinSpaceEstimate.SpaceFor"/> of its primitive.</para>
/// <para>
/// The estimate gives the space of each primitive run alone from the current bin state, not of a chain, so a
/// two-step chain A→B (a sweep, then a slot or a stack) is bounded by what the estimate vouches for:
/// width = min(B.W + <see cref="SweepGainShare"/> · max(0, A.W − None.W), max(A.W, B.W)): the second step
/// gets only part of the width the sweep frees, and never more width than either primitive alone reports;
/// height = min(A.H, B.H) and depth = min(A.D, B.D): never taller or deeper than either step allows.
/// So no dimension of a chain's box exceeds the largest value the estimate gives for that dimension.
/// </para>
/// </remarks>
public static class ChainSpace
{
    /// <summary>
    /// Share of the width a sweep frees (over plain insertion) that the following slot or stack can use
    /// (dimensionless, 0.5). Engineering assumption: the sweep pushes contents to one side, the gap the second
    /// step uses may sit on either side of the pushed contents; half is the conservative guess until attempt
    /// records say otherwise.
    /// </summary>
    public const double SweepGainShare = 0.5;

    /// <summary>The space the chain makes in the bin of <paramref name="estimate"/> (all extents ≥ 0 m).</summary>
    public static PrimitiveSpace Of(BinSpaceEstimate estimate, PrimitiveChain chain)
    {
        if (!chain.IsTwoStep)
        {
            return Find(estimate, chain.First);
        }

        return Combine(Find(estimate, Primitive.None), Find(estimate, chain.First), Find(estimate, chain.Second), chain.First);
    }

    /// <summary>
    /// The two-step rule of the remarks, from already looked-up spaces: <paramref name="none"/> (plain insertion),
    /// <paramref name="first"/> (A) and <paramref name="second"/> (B). The result is labelled with <paramref name="label"/>.
    /// </summary>
    public static PrimitiveSpace Combine(in PrimitiveSpace none, in PrimitiveSpace first, in PrimitiveSpace second, Primitive label)
    {
        var gain = Math.Max(0, first.Width - none.Width);
        var width = Math.Min(second.Width + (SweepGainShare * gain), Math.Max(first.Width, second.Width));
        return new PrimitiveSpace(
            label,
            Math.Max(0, width),
            Math.Max(0, Math.Min(first.Height, second.Height)),
            Math.Max(0, Math.Min(first.Depth, second.Depth)));
    }

    /// <summary>
    /// Same as <see cref="BinSpaceEstimate.SpaceFor"/> without the enumerator allocation; negative or non-finite
    /// extents (a faulty estimate) read as 0 m.
    /// </summary>
    public static PrimitiveSpace Find(BinSpaceEstimate estimate, Primitive primitive)
    {
        var list = estimate.Primitives;
        for (var i = 0; i < list.Count; i++)
        {
            var s = list[i];
            if (s.Primitive == primitive)
            {
                return new PrimitiveSpace(primitive, Sane(s.Width), Sane(s.Height), Sane(s.Depth));
            }
        }

        return new PrimitiveSpace(primitive, 0, 0, 0);
    }

    private static double Sane(double v) => double.IsFinite(v) && v > 0 ? v : 0;
}
