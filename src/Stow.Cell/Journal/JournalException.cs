namespace Stow.Cell.Journal;

/// <summary>
/// A journal write that would break an invariant (unknown item, item not where the change needs it, attempt
/// already ended, unknown pod or bin). Nothing was written when it is thrown.
/// </summary>
public sealed class JournalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JournalException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public JournalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public JournalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
