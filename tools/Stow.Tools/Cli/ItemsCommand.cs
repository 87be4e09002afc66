using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Stow.Core.Catalog;
using Stow.Core.Pods;

namespace Stow.Tools.Cli;

/// <summary>
/// <c>stowcell items</c>: loads a real item catalogue and reports rows read, stowable items, rows skipped by reason,
/// p5/p50/p95 of longest edge [m], volume [m³] and mass [kg], and the packaging class mix.
/// </summary>
/// <remarks>
/// Options: <c>--catalog</c> (<c>arc2017</c>, <c>olist</c>, <c>mixed</c> or a file path; default <c>olist</c>),
/// <c>--json</c> (print <see cref="CatalogSummary"/> as JSON on stdout), <c>--data DIR</c> (data root; else
/// <c>STOWCELL_DATA</c>, else <c>../shared/data</c> beside the repository), <c>--pods DIR</c> (pod types; default
/// <c>config/pods</c>). Exit codes: 0 success, 2 a file is missing or invalid (message on stderr).
/// </remarks>
public static class ItemsCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var catalog = new Option<string>("--catalog")
        {
            Description = "Catalogue: arc2017, olist, mixed, or a path to an ARC 2017 JSON or Olist CSV file",
            DefaultValueFactory = _ => "olist",
        };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var data = new Option<string?>("--data") { Description = $"Data root (else ${CatalogPaths.DataEnvironmentVariable}, else ../shared/data)" };
        var pods = new Option<string?>("--pods") { Description = "Folder of pod type files (default: config/pods of the repository)" };
        var cmd = new Command("items", "Load a real item catalogue and report what the cell can stow");
        cmd.Options.Add(catalog);
        cmd.Options.Add(json);
        cmd.Options.Add(data);
        cmd.Options.Add(pods);
        cmd.SetAction(parseResult =>
        {
            try
            {
                var rules = StowabilityRules.ForPodFolder(parseResult.GetValue(pods) ?? CatalogPaths.DefaultPodFolder());
                var loaded = CatalogLoader.Load(parseResult.GetValue(catalog) ?? "olist", CatalogPaths.ResolveDataRoot(parseResult.GetValue(data)), rules);
                var summary = CatalogSummary.Of(loaded);
                if (parseResult.GetValue(json))
                {
                    Console.Out.WriteLine(JsonSerializer.Serialize(summary, JsonOptions));
                }
                else
                {
                    Print(summary, rules);
                }

                return 0;
            }
            catch (Exception e) when (e is CatalogException or PodConfigException)
            {
                Console.Error.WriteLine($"stowcell items: {e.Message}");
                return 2;
            }
        });
        return cmd;
    }

    private static void Print(CatalogSummary s, StowabilityRules rules)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
        });
        console.MarkupLine($"[bold]{Markup.Escape(s.Catalog)}[/]: {s.Rows} rows read, {s.Stowable} stowable, {s.Rows - s.Stowable} skipped ({s.Defects} data defects)");
        console.MarkupLine(Markup.Escape($"EOAT payload {rules.MaxPayload} kg, {rules.Openings.Count} distinct bin interiors, clearance {rules.Clearance} m"));

        var skipped = new Table().AddColumn("skipped: reason").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (k, v) in s.Skipped)
        {
            skipped.AddRow(Markup.Escape(k), v.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(skipped);

        var sizes = new Table().AddColumn("stowable items").AddColumn(new TableColumn("p5").RightAligned())
            .AddColumn(new TableColumn("p50").RightAligned()).AddColumn(new TableColumn("p95").RightAligned());
        AddRow(sizes, "longest edge [m]", s.LongestEdge, "0.000");
        AddRow(sizes, "volume [m³]", s.Volume, "0.000000");
        AddRow(sizes, "mass [kg]", s.Mass, "0.000");
        console.Write(sizes);

        var mix = new Table().AddColumn("class").AddColumn(new TableColumn("items").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        foreach (var (k, v) in s.ClassMix)
        {
            var share = s.Stowable == 0 ? 0 : (double)v / s.Stowable;
            mix.AddRow(Markup.Escape(k), v.ToString(CultureInfo.InvariantCulture), share.ToString("P1", CultureInfo.InvariantCulture));
        }

        mix.AddRow("fragile (any class)", s.Fragile.ToString(CultureInfo.InvariantCulture), string.Empty);
        console.Write(mix);
    }

    private static void AddRow(Table t, string what, Percentiles? p, string format)
    {
        if (p is null)
        {
            t.AddRow(Markup.Escape(what), "-", "-", "-");
            return;
        }

        t.AddRow(
            Markup.Escape(what),
            p.P5.ToString(format, CultureInfo.InvariantCulture),
            p.P50.ToString(format, CultureInfo.InvariantCulture),
            p.P95.ToString(format, CultureInfo.InvariantCulture));
    }
}
