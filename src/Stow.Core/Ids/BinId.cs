using System.Globalization;

namespace Stow.Core.Ids;

/// <summary>
/// Identifies a bin on a pod face by row and column. Rows are lettered from the bottom
/// (A = floor row), columns numbered from 1 at the robot's right (so +y, REP 103 "left",
/// grows with the column). Text form: <c>C3</c> = third row from the bottom, third column.
/// </summary>
/// <param name="Row">Zero-based row index from the bottom.</param>
/// <param name="Column">Zero-based column index from the robot's right.</param>
public readonly record struct BinId(int Row, int Column)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + Row)}{Column + 1}");

    /// <summary>Parses the text form (<c>C3</c>).</summary>
    /// <exception cref="FormatException">The text is not a letter followed by a 1-based column number.</exception>
    public static BinId Parse(string text)
    {
        if (string.IsNullOrEmpty(text) || text.Length < 2 || !char.IsAsciiLetterUpper(text[0]) ||
            !int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var col) || col < 1)
        {
            throw new FormatException($"'{text}' is not a bin id (row letter then column number, e.g. 'C3')");
        }

        return new BinId(text[0] - 'A', col - 1);
    }
}
