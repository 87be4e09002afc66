using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stow.Cell.Tests.Support;

namespace Stow.Cell.Tests.Run;

/// <summary>
/// A bad configuration stops the real <c>stowcell</c> process before anything moves: exit code 2, one line on stderr naming
/// the file, the line and column, and the field; no stack trace; no summary.
/// </summary>
public class BadConfigurationTests
{
    [Fact(Timeout = 120_000)]
    public async Task Broken_Json_Is_Named_With_Its_Line_Column_And_Field()
    {
        using var dir = new TempDir();
        var file = dir.File("broken.json");
        await File.WriteAllTextAsync(file, "{\n  \"Cell\": {\n    \"Items\": 20,\n    \"Seed\" 3\n  }\n}\n");

        var (code, err) = await RunAsync(dir, file);

        Assert.Equal(2, code);
        AssertOneErrorLine(err, $"{file}:4:12: field Cell:Seed: broken JSON");
        Assert.False(File.Exists(dir.File("out/summary.json")));
    }

    [Fact(Timeout = 120_000)]
    public async Task An_Unknown_Mode_Names_The_Key_And_The_Allowed_Values()
    {
        using var dir = new TempDir();
        var file = dir.File("mode.json");
        const string text = "{\n  \"Cell\": {\n    \"Motion\": { \"Mode\": \"fly\" }\n  }\n}\n";
        await File.WriteAllTextAsync(file, text);

        var (code, err) = await RunAsync(dir, file);

        Assert.Equal(2, code);
        Assert.Equal("3:17", Position(text, "\"Mode\""));
        AssertOneErrorLine(err, $"{file}:3:17: field Cell:Motion:Mode: Cell:Motion:Mode = 'fly' is not one of: arm, timed");
    }

    [Fact(Timeout = 120_000)]
    public async Task An_Unknown_Device_Type_Is_Named_At_Its_Entry()
    {
        using var dir = new TempDir();
        var (file, text) = await LiveSimConfigAsync(dir, hw => hw[1]!["type"] = "modbus.eot");

        var (code, err) = await RunAsync(dir, file);

        Assert.Equal(2, code);
        AssertOneErrorLine(err, $"{file}:{Position(text, "\"type\": \"modbus.eot\"")}: field hardware:components:1:type: hardware component 'eoat': unknown type 'modbus.eot'");
        Assert.False(File.Exists(dir.File("out/summary.json")));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_Missing_Endpoint_Is_Named_At_Its_Component()
    {
        using var dir = new TempDir();
        var (file, text) = await LiveSimConfigAsync(dir, hw => hw[3]!["params"]!.AsObject().Remove("device"));

        var (code, err) = await RunAsync(dir, file);

        Assert.Equal(2, code);
        // The missing field is not in the file: the line points at the parameters of its component.
        var bandParams = text.IndexOf("\"params\"", text.IndexOf("\"band_separator\"", StringComparison.Ordinal), StringComparison.Ordinal);
        AssertOneErrorLine(err, $"{file}:{Position(text, "\"params\"", bandParams)}: field hardware:components:3:params:device: hardware component 'band_separator': parameter 'device' (serial device path) is required");
        Assert.False(File.Exists(dir.File("out/summary.json")));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_Device_That_Does_Not_Answer_Is_Named_At_Its_Endpoint()
    {
        using var dir = new TempDir();
        // The EOAT's emulator drops off the line (comms loss): the Modbus driver gets no answer while it activates.
        var (file, text) = await LiveSimConfigAsync(dir, hw =>
        {
            hw[1]!["params"]!["faults"] = new JsonObject { ["commsLoss"] = true };
            hw[1]!["params"]!["activateTimeout"] = 0.5;
        });

        var (code, err) = await RunAsync(dir, file);

        Assert.Equal(2, code);
        var eoatDevice = text.IndexOf("\"device\"", text.IndexOf("\"modbus.eoat\"", StringComparison.Ordinal), StringComparison.Ordinal);
        AssertOneErrorLine(err, $"{file}:{Position(text, "\"device\"", eoatDevice)}: field hardware:components:1:params:device: hardware bring-up failed: 'eoat' stayed Inactive");
        Assert.False(File.Exists(dir.File("out/summary.json")));
    }

    /// <summary>The last stderr line starts with <paramref name="expected"/> (after the command's prefix); no line is a stack frame.</summary>
    private static void AssertOneErrorLine(string stderr, string expected)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        Assert.StartsWith("stowcell run: " + expected, lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal) || l.Contains("Unhandled exception", StringComparison.Ordinal));
        Assert.Equal(1, lines.Count(l => l.Contains("field ", StringComparison.Ordinal)));
    }

    /// <summary>1-based <c>line:column</c> of <paramref name="needle"/> in <paramref name="text"/> (the first at or after <paramref name="from"/>).</summary>
    private static string Position(string text, string needle, int from = 0)
    {
        var at = text.IndexOf(needle, from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{needle}' not in the test file");
        var line = text[..at].Count(c => c == '\n') + 1;
        var column = at - (text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
        return $"{line}:{column}";
    }

    /// <summary>config/cell.live-sim.json with its hardware components changed, pointing at itself for the hardware section.</summary>
    private static async Task<(string File, string Text)> LiveSimConfigAsync(TempDir dir, Action<JsonArray> change)
    {
        var root = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.RepoRoot, "config", "cell.live-sim.json")))!;
        change(root["hardware"]!["components"]!.AsArray());
        var file = dir.File("cell.json");
        root["Cell"]!["Motion"]!["Hardware"] = file;
        var text = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n");
        await File.WriteAllTextAsync(file, text);
        return (file, text);
    }

    private static async Task<(int Code, string Stderr)> RunAsync(TempDir dir, string config)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { TestPaths.StowCellDll, "run", "--config", config, "--items", "3", "--catalog", "arc2017", "--perception", "groundtruth", "--out", dir.File("out") })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await p.WaitForExitAsync(deadline.Token);
        await stdout;
        return (p.ExitCode, await stderr);
    }
}
