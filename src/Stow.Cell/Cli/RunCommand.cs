using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NLog.Extensions.Logging;
using Spectre.Console;
using Stow.Cell.Hmi;
using Stow.Cell.Hosting;
using Stow.Cell.Reporting;
using Stow.Cell.Shift;
using Stow.Core.Catalog;

namespace Stow.Cell.Cli;

/// <summary>
/// <c>stowcell run</c>: the main job. A stow shift on the simulator with real items, perception on
/// rendered frames, planning with success probabilities, motion, pod swaps acknowledged over MQTT by a
/// simulated operator, and the journal; progress on stderr, a summary table (or <c>--json</c>) on
/// stdout, and a report directory. SIGTERM / Ctrl-C stop the shift between stows through PackML
/// Stopping with the journal flushed. Exit codes: 0 done (or stopped on request), 2 set-up problem (a bad configuration:
/// one line on stderr naming the file, position and field, before anything moves), 1 any other failure (one line on stderr,
/// the stack trace in the log file).
/// </summary>
public static class RunCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Cell configuration file layered over the embedded default (config/cell.sim.json)" };
        var catalog = new Option<string?>("--catalog") { Description = "Catalogue: arc2017, olist, mixed or a file (default from config: mixed)" };
        var items = new Option<int?>("--items") { Description = "Items to induct (default from config: 500)" };
        var seed = new Option<int?>("--seed") { Description = "Seed of the whole run (default from config: 1)" };
        var perception = new Option<string?>("--perception") { Description = "Perception mode: " + CellConfiguration.Allowed<PerceptionMode>() };
        var motion = new Option<string?>("--motion") { Description = "Motion mode: " + CellConfiguration.Allowed<MotionMode>() };
        var hmi = new Option<string?>("--hmi") { Description = "Operator HMI address, e.g. http://0.0.0.0:8080, or 'off' (default from config: http://127.0.0.1:8080)" };
        var output = new Option<string?>("--out") { Description = "Report directory (default runs/run-<seed>-<time>)" };
        var json = CliCommon.JsonOption();
        var data = CliCommon.DataOption();
        var assemblies = new Option<string?>("--loaded-assemblies")
        {
            Description = "Diagnostic: write the assemblies loaded in this process to this file at the end of the run",
            Hidden = true,
        };
        var endpoint = new Option<string[]>("--endpoint")
        {
            Description = "Hardware endpoint override COMPONENT.PARAM=VALUE (repeatable), e.g. eoat.device=/tmp/x/eoat.tty or arm.rtdePort=40004",
            AllowMultipleArgumentsPerToken = false,
        };
        var set = new Option<string[]>("--set") { Description = "Configuration key override KEY=VALUE (repeatable), e.g. Cell:Shift:OperatorTimeoutSeconds=10" };
        var cmd = new Command("run", "Run a stow shift on the simulator with real items (the main job)");
        foreach (var o in new Option[] { config, catalog, items, seed, perception, motion, hmi, output, json, data, assemblies, endpoint, set })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (pr, ct) =>
        {
            var overrides = new Dictionary<string, string?>();
            void Set(string key, object? v)
            {
                if (v is not null)
                {
                    overrides[key] = Convert.ToString(v, CultureInfo.InvariantCulture);
                }
            }

            Set("Cell:Catalog", pr.GetValue(catalog));
            Set("Cell:Items", pr.GetValue(items));
            Set("Cell:Seed", pr.GetValue(seed));
            Set("Cell:Perception:Mode", pr.GetValue(perception));
            Set("Cell:Motion:Mode", pr.GetValue(motion));
            Set("Cell:DataDir", pr.GetValue(data));
            Set("Cell:Hmi:Url", pr.GetValue(hmi));
            foreach (var e in pr.GetValue(set) ?? [])
            {
                var eq = e.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    Console.Error.WriteLine($"stowcell run: --set '{e}' is not KEY=VALUE");
                    return 2;
                }

                overrides[e[..eq]] = e[(eq + 1)..];
            }

            foreach (var e in pr.GetValue(endpoint) ?? [])
            {
                var eq = e.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    Console.Error.WriteLine($"stowcell run: --endpoint '{e}' is not COMPONENT.PARAM=VALUE");
                    return 2;
                }

                overrides["Cell:Endpoints:" + e[..eq]] = e[(eq + 1)..];
            }

            return await RunAsync(pr.GetValue(config), overrides, pr.GetValue(output), pr.GetValue(json), pr.GetValue(assemblies));
        });
        return cmd;
    }

    /// <summary>Runs the main job; returns the exit code.</summary>
    /// <param name="configFile">Cell configuration layered over the embedded default, or null.</param>
    /// <param name="overrides">Configuration keys set on the command line.</param>
    /// <param name="outDir">Report directory, or null for <c>runs/run-SEED-TIME</c>.</param>
    /// <param name="json">Print the figures as JSON instead of the table.</param>
    /// <param name="loadedAssembliesFile">Diagnostic: where to write <see cref="LoadedAssemblies.Lines"/> once the shift
    /// has ended (also after a failed one), or null.</param>
    public static async Task<int> RunAsync(string? configFile, IReadOnlyDictionary<string, string?> overrides, string? outDir, bool json, string? loadedAssembliesFile = null)
    {
        var root = CatalogPaths.FindRepoRoot() ?? Directory.GetCurrentDirectory();
        CellOptions options;
        HostApplicationBuilder builder;
        try
        {
            builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
            builder.Configuration.AddCellLayers(configFile, overrides);
            options = CellConfiguration.Bind(builder.Configuration);
        }
        catch (ShiftSetupException e)
        {
            await Console.Error.WriteLineAsync($"stowcell run: {ConfigErrorLine.Describe(e, configFile, null, overrides)}");
            return 2;
        }

        var runDir = Path.GetFullPath(outDir ?? Path.Combine(root, options.Reports,
            string.Create(CultureInfo.InvariantCulture, $"run-{options.Seed}-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}")));
        LoggingSetup.Configure(Path.Combine(runDir, "logs"), NLog.LogLevel.Warn);
        builder.Logging.ClearProviders().AddNLog();
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(60));
        using var host = builder.Build();
        await host.StartAsync();
        var lifetime = host.Services.GetService(typeof(IHostApplicationLifetime)) as IHostApplicationLifetime;
        var logs = (ILoggerFactory)host.Services.GetService(typeof(ILoggerFactory))!;
        var hmiState = new HmiState();
        var progress = new ProgressPrinter(options.Items);
        try
        {
            await using var hmiServer = await StartHmiAsync(options, hmiState, root, logs);
            var shift = new ShiftHost(options, logs, root) { Hmi = hmiServer is null ? null : hmiState };
            shift.Progress += (_, p) => progress.Show(p);
            Console.Error.WriteLine($"stowcell run: {options.Items} items ({options.Catalog}), seed {options.Seed}, perception {CellConfiguration.Text(options.Perception.Mode)}, motion {CellConfiguration.Text(options.Motion.Mode)}; report in {runDir}");
            var result = await shift.RunAsync(runDir, lifetime?.ApplicationStopping ?? CancellationToken.None);
            progress.Done();
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(result.Summary, ReportWriter.JsonOptions));
            }
            else
            {
                PrintSummary(result.Summary, runDir);
            }

            return 0;
        }
        catch (ShiftSetupException e)
        {
            progress.Done();
            var hardwareFile = string.IsNullOrEmpty(options.Motion.Hardware) ? null : Path.GetFullPath(Path.Combine(root, options.Motion.Hardware));
            var line = ConfigErrorLine.Describe(e, configFile, hardwareFile, overrides);
            // Information: the log file keeps it with its stack trace; the console shows only the line below.
            logs.CreateLogger("Stow.Cell.Run").LogInformation(e, "set-up failed: {Line}", line);
            await Console.Error.WriteLineAsync($"stowcell run: {line}");
            return 2;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Last resort: one line on stderr, the stack trace in the log file only.
            progress.Done();
            logs.CreateLogger("Stow.Cell.Run").LogInformation(e, "the run failed");
            await Console.Error.WriteLineAsync($"stowcell run: failed: {e.GetType().Name}: {e.Message} (details in {Path.Combine(runDir, "logs")})");
            return 1;
        }
        finally
        {
            WriteLoadedAssemblies(loadedAssembliesFile);
            await host.StopAsync();
            NLog.LogManager.Shutdown();
        }
    }

    private static void WriteLoadedAssemblies(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            LoadedAssemblies.Write(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"stowcell run: --loaded-assemblies {path}: {e.Message}");
        }
    }

    /// <summary>Starts the operator HMI unless configured off. A bad HMI configuration is a set-up error; an address in
    /// use is not: the shift runs without the HMI (prompts still go over MQTT) and says so.</summary>
    private static async Task<HmiServer?> StartHmiAsync(CellOptions options, HmiState state, string root, ILoggerFactory logs)
    {
        if (string.Equals(options.Hmi.Url, HmiOptions.Off, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var keys = options.Hmi.KeysDir ?? Path.Combine(root, options.Reports, ".hmi-keys");
        // A copy with the users file taken from the repository root (the bound options stay as configured).
        var hmi = new HmiOptions
        {
            Url = options.Hmi.Url,
            KeysDir = options.Hmi.KeysDir,
            UsersFile = string.IsNullOrEmpty(options.Hmi.UsersFile) ? "" : Path.GetFullPath(Path.Combine(root, options.Hmi.UsersFile)),
        };
        foreach (var u in options.Hmi.Users)
        {
            hmi.Users.Add(u);
        }

        try
        {
            var server = await HmiServer.StartAsync(hmi, state, keys, logs, CancellationToken.None);
            Console.Error.WriteLine($"stowcell run: operator HMI at {server.Address}" + (server.Users > 0 ? ""
                : $" (no users: every login is refused; set {HmiOptions.UsersFileKey}, see `stowcell hmi add-user`)"));
            return server;
        }
        catch (ArgumentException e)
        {
            throw new ShiftSetupException(e.Message, e);
        }
        catch (IOException e)
        {
            logs.CreateLogger("Stow.Cell.Hmi").LogWarning("{Message}; the shift runs without the HMI", e.Message);
            Console.Error.WriteLine($"stowcell run: {e.Message}; the shift runs without the HMI");
            return null;
        }
    }

    private static void PrintSummary(ShiftSummary s, string runDir)
    {
        var t = new Table().AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        void Row(string k, string v) => t.AddRow(Markup.Escape(k), Markup.Escape(v));
        Row("inducted", s.Inducted.ToString(CultureInfo.InvariantCulture));
        Row("attempted", s.Attempted.ToString(CultureInfo.InvariantCulture));
        Row("stowed", string.Create(CultureInfo.InvariantCulture, $"{s.Stowed} ({s.SuccessRate:P1}, 95 % Wilson CI {s.SuccessRateCi95[0]:P1} to {s.SuccessRateCi95[1]:P1})"));
        Row("stowed of inducted", string.Create(CultureInfo.InvariantCulture, $"{s.StowedOfInducted:P1}"));
        Row("unproductive", string.Create(CultureInfo.InvariantCulture, $"{s.Unproductive} ({s.UnproductiveRate:P1})"));
        Row("defect", string.Create(CultureInfo.InvariantCulture, $"{s.Defect} ({s.DefectRate:P1})"));
        Row("exception path", s.Exceptions.ToString(CultureInfo.InvariantCulture));
        Row(s.LoopPacing == "wall-clock" ? "UPH (wall clock)" : "UPH (simulated clock)", s.Uph.ToString("F0", CultureInfo.InvariantCulture));
        Row("pods / items per pod / density at swap", string.Create(CultureInfo.InvariantCulture, $"{s.Pods} / {s.ItemsPerPod:F1} / {s.DensityAtSwap:P1}"));
        Row("decision p50 / p99", string.Create(CultureInfo.InvariantCulture, $"{s.DecisionMsP50:F2} / {s.DecisionMsP99:F2} ms"));
        Row("perception p50 / p99", string.Create(CultureInfo.InvariantCulture, $"{s.PerceptionMsP50:F2} / {s.PerceptionMsP99:F2} ms"));
        Row("perception execution provider", s.ExecutionProvider);
        Row("loop jitter p99", s.LoopJitterMsP99 is { } jitter
            ? string.Create(CultureInfo.InvariantCulture, $"{jitter:F3} ms")
            : $"not reported ({s.LoopPacing} pacing)");
        Row("Brier", s.Brier.ToString("F4", CultureInfo.InvariantCulture));
        Row("unaccounted", s.Unaccounted.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(t);
        var missed = s.Targets.Where(x => !x.Met).ToList();
        AnsiConsole.MarkupLine(!s.TargetsJudged
            ? "[yellow]" + Markup.Escape(s.TargetsNote) + "[/]"
            : missed.Count == 0
            ? "[green]all targets of the default run are met[/]"
            : "[yellow]targets not met yet:[/] " + Markup.Escape(string.Join("; ", missed.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Name} {x.Actual:0.###} (want {x.Comparison} {x.Target})")))));
        AnsiConsole.MarkupLine("report: " + Markup.Escape(Path.Combine(runDir, "report.html")));
    }
}
