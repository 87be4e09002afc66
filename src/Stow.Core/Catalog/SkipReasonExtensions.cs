namespace Stow.Core.Catalog;

/// <summary>Names and groups for <see cref="SkipReason"/>. Stateless and thread-safe.</summary>
public static class SkipReasonExtensions
{
    /// <summary>The stable snake_case key used in reports and JSON, e.g. <c>too_heavy</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a declared value.</exception>
    public static string Key(this SkipReason reason) => reason switch
    {
        SkipReason.EmptyLine => "empty_line",
        SkipReason.WrongFieldCount => "wrong_field_count",
        SkipReason.BlankField => "blank_field",
        SkipReason.UnparseableNumber => "unparseable_number",
        SkipReason.NonPositiveWeight => "non_positive_weight",
        SkipReason.NonPositiveDimension => "non_positive_dimension",
        SkipReason.BlankCategory => "blank_category",
        SkipReason.UnknownCategory => "unknown_category",
        SkipReason.DuplicateId => "duplicate_id",
        SkipReason.TooHeavy => "too_heavy",
        SkipReason.NoBinFits => "no_bin_fits",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "unknown skip reason"),
    };

    /// <summary>True for data defects in the row; false for valid items the cell cannot stow.</summary>
    public static bool IsDefect(this SkipReason reason) => reason is not (SkipReason.TooHeavy or SkipReason.NoBinFits);
}
