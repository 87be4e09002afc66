namespace Stow.Core.Catalog;

/// <summary>
/// A catalogue cannot be read as a whole: a file is missing, its header lacks a required column, or it is not in
/// either source format. The message names the file and says how to fix it. Row-level defects never throw; they are
/// counted in <see cref="ItemCatalog.Skipped"/>.
/// </summary>
public sealed class CatalogException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CatalogException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public CatalogException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public CatalogException()
    {
    }
}
