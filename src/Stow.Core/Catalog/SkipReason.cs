namespace Stow.Core.Catalog;

/// <summary>
/// Why a catalogue row did not become a stowable item. Data defects come first
/// (<see cref="SkipReasonExtensions.IsDefect"/>), then the two stowability reasons. Each row gets exactly one
/// reason: the first check it fails, in the order the values are declared.
/// </summary>
public enum SkipReason
{
    /// <summary>A blank line inside a CSV file (counted as a row so that the accounting adds up).</summary>
    EmptyLine,

    /// <summary>CSV row with a different number of fields than the header, or an ARC record that is not an object or whose <c>dimensions</c> do not hold three values.</summary>
    WrongFieldCount,

    /// <summary>Id, weight or a dimension is blank or missing.</summary>
    BlankField,

    /// <summary>Weight or a dimension is not a finite number.</summary>
    UnparseableNumber,

    /// <summary>Weight is zero or negative.</summary>
    NonPositiveWeight,

    /// <summary>A dimension is zero or negative.</summary>
    NonPositiveDimension,

    /// <summary>The Olist category is blank (the ARC <c>type</c> is blank).</summary>
    BlankCategory,

    /// <summary>The Olist category has no English translation, or the ARC <c>type</c> is not a known packaging class.</summary>
    UnknownCategory,

    /// <summary>The id was already read earlier in the same catalogue (the first row wins).</summary>
    DuplicateId,

    /// <summary>Heavier than the EOAT payload (<see cref="EoatLimits.MaxPayload"/>).</summary>
    TooHeavy,

    /// <summary>No orientation of the item passes through any bin opening of the loaded pod types.</summary>
    NoBinFits,
}
