namespace Stow.Core.Catalog;

/// <summary>One catalogue row that was set aside. Immutable.</summary>
/// <param name="Source">File name the row came from.</param>
/// <param name="Line">1-based line number in a CSV file, or 1-based record index in an ARC JSON array.</param>
/// <param name="Id">The row's id when it could be read, else empty.</param>
/// <param name="Reason">Why it was set aside.</param>
/// <param name="Detail">Human-readable detail (the offending field and value).</param>
public sealed record SkippedRow(string Source, int Line, string Id, SkipReason Reason, string Detail);
