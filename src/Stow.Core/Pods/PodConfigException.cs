namespace Stow.Core.Pods;

/// <summary>A pod type file is missing, malformed, or physically impossible. The message names the file and field.</summary>
public sealed class PodConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PodConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public PodConfigException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public PodConfigException()
    {
    }
}
