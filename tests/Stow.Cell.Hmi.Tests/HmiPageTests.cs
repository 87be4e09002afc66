using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Stow.Cell.Hosting;
using Stow.Cell.Journal;
using Stow.Cell.Mqtt;
using Stow.Cell.PackML;
using Stow.Cell.Shift;
using Stow.Core.Time;
using static Microsoft.Playwright.Assertions;

namespace Stow.Cell.Hmi.Tests;

/// <summary>The operator HMI in a real browser (Debian's chromium through Playwright) against the real server, broker and cell.</summary>
public sealed class HmiPageTests
{
    [Fact(Timeout = 120_000)]
    public async Task Operator_Acknowledges_A_Pod_Swap_During_A_Shift_And_The_Shift_Goes_On()
    {
        var dir = Directory.CreateTempSubdirectory("stowcell-hmi-shift-").FullName;
        var options = new CellOptions { Items = 40, Seed = 3 };
        options.Perception.Mode = PerceptionMode.Onnx; // real frames for the camera view
        options.Motion.Mode = MotionMode.Timed;
        options.Mqtt.SimulatedOperator = false;
        options.Shift.OperatorTimeoutSeconds = 90;
        options.Shift.MaxPods = 2;
        options.Shift.EndAtPodLimit = true;
        var state = new HmiState();
        await using var server = await HmiServer.StartAsync(HmiHost.Options("http://127.0.0.1:0"), state, Path.Combine(dir, "keys"), NullLoggerFactory.Instance, CancellationToken.None);
        await using var browser = await HmiBrowser.OpenAsync(server.Address);
        await Expect(browser.Page.Locator("#login")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("1-login");
        await browser.LoginAsync("olga", HmiHost.OperatorPassword);
        await browser.ScreenshotAsync("1b-operator-logged-in-no-shift");

        var host = new ShiftHost(options, NullLoggerFactory.Instance, HmiHost.RepoRoot) { Hmi = state };
        var shift = host.RunAsync(Path.Combine(dir, "run"), CancellationToken.None);
        var page = browser.Page;
        // The camera view while the shift runs: the frame with the overlay drawn in, and the estimate in words.
        await Expect(page.Locator("#frame-label")).ToContainTextAsync(" mm (w × h × d)", new() { Timeout = 60_000 });
        await browser.ScreenshotAsync("2-shift-running-overlay");
        var swap = page.Locator(".prompt[data-kind=PodSwap]");
        await Expect(swap).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("#state")).ToHaveTextAsync("Suspended");
        await Expect(page.Locator("#pods")).ToHaveTextAsync("1");
        // The camera view: a decodable PNG of the latest frame, with the bin outline and the free box inside it.
        var width = await page.Locator("#camera img").EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth)");
        var frame = state.Snapshot().Frame!;
        Assert.Equal(frame.Width, width);
        Assert.True(frame.Width >= HmiFrameBuilder.MinWidth, $"view {frame.Width} px wide");
        var current = frame.Bins[0];
        Assert.True(current.Current && current.Bin == frame.Bin);
        Assert.Equal(8, current.Outline.Length);
        Assert.All(current.Outline.Where((_, i) => i % 2 == 0), x => Assert.InRange(x, -1, frame.Width));
        Assert.All(current.Outline.Where((_, i) => i % 2 == 1), y => Assert.InRange(y, -1, frame.Height));
        Assert.Contains($"Bin {frame.Bin}: free ", frame.Label, StringComparison.Ordinal);
        await browser.ScreenshotAsync("3-pod-swap-prompt");
        var promptId = await swap.GetAttributeAsync("data-prompt");

        await swap.Locator("button").ClickAsync();
        await Expect(page.Locator($".prompt[data-prompt='{promptId}']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#pods")).ToHaveTextAsync("2", new() { Timeout = 30_000 }); // the next pod came, stows went on
        var result = await shift.WaitAsync(TimeSpan.FromSeconds(60));
        await Expect(page.Locator("#state")).ToHaveTextAsync("Complete");
        await browser.ScreenshotAsync("4-after-ack-shift-went-on");

        Assert.True(result.Summary.Stowed > 0);
        using var journal = InventoryJournal.Open(Path.Combine(dir, "run", "journal.db"), new VirtualClock(), readOnly: true);
        var acks = journal.Acknowledgements().Where(a => a.PromptId == promptId).ToList();
        var ack = Assert.Single(acks); // recorded once
        Assert.Equal(("olga", "hmi", nameof(PromptKind.PodSwap)), (ack.Operator, ack.Channel, ack.Kind));
        Directory.Delete(dir, recursive: true);
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_Configured_Users_The_Login_Page_Names_The_Key_To_Set()
    {
        var dir = Directory.CreateTempSubdirectory("stowcell-hmi-nousers-page-").FullName;
        var options = new HmiOptions { Url = "http://127.0.0.1:0", UsersFile = Path.Combine(dir, "absent.json") };
        await using (var server = await HmiServer.StartAsync(options, new HmiState(), Path.Combine(dir, "keys"), NullLoggerFactory.Instance, CancellationToken.None))
        await using (var browser = await HmiBrowser.OpenAsync(server.Address))
        {
            var page = browser.Page;
            await page.FillAsync("#user", "operator");
            await page.FillAsync("#password", "stow-operator");
            await page.ClickAsync("#login-form button");
            await Expect(page.Locator("#login-error")).ToContainTextAsync(HmiOptions.UsersFileKey);
            await Expect(page.Locator("#main")).ToBeHiddenAsync();
            await browser.ScreenshotAsync("0-no-users-login-refused");
        }

        Directory.Delete(dir, recursive: true);
    }

    [Fact(Timeout = 60_000)]
    public async Task Operator_Cannot_Send_A_PackML_Command_The_Server_Refuses_It()
    {
        await using var host = await HmiHost.StartAsync();
        await using var browser = await HmiBrowser.OpenAsync(host.Address);
        Assert.Equal(401, await browser.PostStatusAsync("/api/packml/Hold")); // not logged in
        await browser.LoginAsync("olga", HmiHost.OperatorPassword);
        await Expect(browser.Page.Locator("#supervisor")).ToBeHiddenAsync();
        foreach (var command in new[] { "Hold", "Stop", "Abort", "Start" })
        {
            Assert.Equal(403, await browser.PostStatusAsync($"/api/packml/{command}")); // the server, not the hidden button
        }

        Assert.Equal(404, await browser.PostStatusAsync("/api/motion/jog")); // there is no motion endpoint at all
        Assert.Equal(PackMlState.Execute, host.Cell.State);
        await Expect(browser.Page.Locator("#state")).ToHaveTextAsync("Execute");
        await browser.ScreenshotAsync("5-operator-no-packml");
    }

    [Fact(Timeout = 60_000)]
    public async Task Supervisor_Holds_And_Unholds_The_Cell()
    {
        await using var host = await HmiHost.StartAsync();
        await using var browser = await HmiBrowser.OpenAsync(host.Address);
        await browser.LoginAsync("sam", HmiHost.SupervisorPassword);
        var page = browser.Page;
        await Expect(page.Locator("#state")).ToHaveTextAsync("Execute");
        await browser.ScreenshotAsync("8-supervisor-execute");

        await page.ClickAsync("[data-cmd=Hold]");
        await Expect(page.Locator("#state")).ToHaveTextAsync("Held");
        await Expect(page.Locator("#alarms li.alarm")).ToContainTextAsync("Cell held");
        Assert.Equal(PackMlState.Held, host.Cell.State);
        await browser.ScreenshotAsync("9-supervisor-held");

        await page.ClickAsync("[data-cmd=Unhold]");
        await Expect(page.Locator("#state")).ToHaveTextAsync("Execute");
        Assert.Equal(PackMlState.Execute, host.Cell.State);
        Assert.Equal(409, await browser.PostStatusAsync("/api/packml/Unhold")); // not allowed in Execute
        Assert.Equal(400, await browser.PostStatusAsync("/api/packml/Suspend")); // not a command the HMI offers
    }
}
