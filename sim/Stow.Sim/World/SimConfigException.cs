namespace Stow.Sim.World;

/// <summary>A <c>Sim:</c> configuration value is missing its meaning: unknown key, not a number, or out of range. The message names the key, the value and the source.</summary>
public sealed class SimConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SimConfigException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and where.</param>
    public SimConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="inner">The cause.</param>
    public SimConfigException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
