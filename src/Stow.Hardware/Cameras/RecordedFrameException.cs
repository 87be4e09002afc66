namespace Stow.Hardware.Cameras;

/// <summary>
/// A recorded frame or its calibration is missing or unusable (wrong bit depth, RGB and depth of different sizes, no
/// calibration). <see cref="File"/> names the file at fault. Thrown while a <see cref="RecordedCamera"/> configures.
/// </summary>
public sealed class RecordedFrameException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file at fault (or the folder, when no file of a known layout is in it).</param>
    /// <param name="message">What is wrong with it.</param>
    public RecordedFrameException(string file, string message)
        : base($"{file}: {message}")
    {
        File = file;
    }

    /// <summary>Creates an empty exception.</summary>
    public RecordedFrameException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public RecordedFrameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="inner">The cause.</param>
    public RecordedFrameException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The file (or folder) at fault; empty when unknown.</summary>
    public string File { get; } = string.Empty;
}
