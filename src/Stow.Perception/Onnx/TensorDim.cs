namespace Stow.Perception.Onnx;

using System.Globalization;

/// <summary>
/// One dimension of a tensor shape: a fixed size, or a symbol (e.g. "batch") whose size is chosen at bind time.
/// Prints as the number or the symbol ("?" for an unnamed dynamic dimension), as in <c>[batch,4,64,64]</c>.
/// </summary>
/// <param name="Size">The size (≥ 0) when fixed; -1 when symbolic.</param>
/// <param name="Symbol">The symbol when symbolic (may be empty for an unnamed dynamic dimension); null when fixed.</param>
public readonly record struct TensorDim(long Size, string? Symbol)
{
    /// <summary>True when the size is chosen at bind time.</summary>
    public bool IsSymbolic => Symbol is not null;

    /// <summary>A fixed dimension of <paramref name="size"/> elements.</summary>
    public static TensorDim Fixed(long size) => new(size, null);

    /// <summary>A symbolic dimension named <paramref name="symbol"/>.</summary>
    public static TensorDim Symbolic(string symbol) => new(-1, symbol);

    /// <summary>Formats a shape as <c>[batch,4,64,64]</c>.</summary>
    public static string Format(IEnumerable<TensorDim> shape) => "[" + string.Join(",", shape) + "]";

    /// <summary>Formats a concrete shape as <c>[2,4]</c>.</summary>
    public static string Format(IEnumerable<long> shape) =>
        "[" + string.Join(",", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";

    /// <inheritdoc/>
    public override string ToString() =>
        Symbol is null ? Size.ToString(CultureInfo.InvariantCulture) : (Symbol.Length == 0 ? "?" : Symbol);
}
