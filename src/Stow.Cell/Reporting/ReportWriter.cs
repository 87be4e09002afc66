using System.Text.Json;
using Stow.Cell.Shift;

namespace Stow.Cell.Reporting;

/// <summary>
/// Writes a run's report directory: <c>summary.json</c> and <c>report.html</c> (inline-SVG plots).
/// The journal (<c>journal.db</c>) and the logs (<c>logs/</c>) are written into the same directory by
/// the host while it runs. Stateless; thread-safe.
/// </summary>
public static class ReportWriter
{
    /// <summary>JSON options of summary.json (indented, snake_case names from the DTO attributes).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new() { WriteIndented = true };

    /// <summary>Writes the files; returns the path of report.html.</summary>
    /// <exception cref="IOException">The directory cannot be written.</exception>
    public static string Write(string directory, ShiftResult result)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "summary.json"), JsonSerializer.Serialize(result.Summary, JsonOptions));
        var html = Path.Combine(directory, "report.html");
        File.WriteAllText(html, HtmlReport.Build(result.Summary, result.Attempts, result.DensityAtSwap, result.JitterMs));
        return html;
    }
}
