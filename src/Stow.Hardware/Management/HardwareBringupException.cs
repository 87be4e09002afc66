namespace Stow.Hardware.Management;

/// <summary>
/// Bring-up (configure, activate) failed: a device did not answer or refused. <see cref="Failures"/> names each failing
/// component with its error; the components were shut down again, so nothing moves.
/// </summary>
public sealed class HardwareBringupException : InvalidOperationException
{
    /// <summary>Creates the exception from a failed bring-up.</summary>
    /// <param name="report">The lifecycle report with at least one failure.</param>
    public HardwareBringupException(LifecycleReport report)
        : base("hardware bring-up failed: " + string.Join("; ", (report ?? throw new ArgumentNullException(nameof(report))).Failures
            .Select(f => $"'{f.Name}' stayed {f.State} ({f.Error})")))
    {
        Failures = report.Failures.ToList();
    }

    /// <summary>Creates an empty exception.</summary>
    public HardwareBringupException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public HardwareBringupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="inner">The cause.</param>
    public HardwareBringupException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The components that failed, in cycle order; the first is the one to look at.</summary>
    public IReadOnlyList<ComponentOutcome> Failures { get; } = [];
}
