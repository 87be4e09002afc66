using NLog;
using NLog.Config;
using NLog.Layouts;
using NLog.Targets;

namespace Stow.Cell.Hosting;

/// <summary>
/// NLog configuration of the host: a console target (human readable, warnings and up unless
/// verbose) and a rolling JSON-lines file target (everything from Debug up) in a log folder.
/// Called once at start-up, before the host is built; not thread-safe against concurrent calls.
/// </summary>
public static class LoggingSetup
{
    /// <summary>Rolling file size limit [bytes] before the file is archived.</summary>
    public const long ArchiveAboveBytes = 10 * 1024 * 1024;

    /// <summary>Builds and installs the NLog configuration.</summary>
    /// <param name="logDirectory">Folder of <c>stowcell.log.json</c> (created if missing).</param>
    /// <param name="consoleLevel">Lowest level written to the console.</param>
    /// <returns>The configuration installed in <see cref="LogManager"/>.</returns>
    public static LoggingConfiguration Configure(string logDirectory, NLog.LogLevel consoleLevel)
    {
        Directory.CreateDirectory(logDirectory);
        var config = new LoggingConfiguration();
        var console = new ConsoleTarget("console")
        {
            Layout = "${date:format=HH\\:mm\\:ss.fff} ${level:uppercase=true:padding=-5} ${logger:shortName=true}: ${message}${onexception:inner= ${exception:format=message}}",
            StdErr = true,
        };
        var json = new JsonLayout
        {
            Attributes =
            {
                new JsonAttribute("time", "${date:format=o:universalTime=true}"),
                new JsonAttribute("level", "${level:uppercase=true}"),
                new JsonAttribute("logger", "${logger}"),
                new JsonAttribute("message", "${message}"),
                new JsonAttribute("exception", "${exception:format=tostring}"),
            },
            IncludeEventProperties = true,
        };
        var file = new FileTarget("jsonfile")
        {
            FileName = Path.Combine(logDirectory, "stowcell.log.json"),
            Layout = json,
            ArchiveAboveSize = ArchiveAboveBytes,
            MaxArchiveFiles = 10,
            KeepFileOpen = true,
        };
        config.AddRule(consoleLevel, NLog.LogLevel.Fatal, console);
        config.AddRule(NLog.LogLevel.Debug, NLog.LogLevel.Fatal, file);
        LogManager.Configuration = config;
        return config;
    }
}
