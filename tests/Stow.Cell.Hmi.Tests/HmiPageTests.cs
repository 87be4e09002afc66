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
        await browser.LoginAsync("olga", HmiHost.OperatorPassword);
        await browser.ScreenshotAsync("1-operator-logged-in-no-shift");

        var host = new ShiftHost(options, NullLoggerFactory.Instance, HmiHost.RepoRoot) { Hmi = state };
        var shift = host.RunAsync(Path.Combine(dir, "run"), CancellationToken.None);
        var page = browser.Page;
        var swap = page.Locator(".prompt[data-kind=PodSwap]");
        await Expect(swap).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("#state")).ToHaveTextAsync("Suspended");
        await Expect(page.Locator("#pods")).ToHaveTextAsync("1");
        // The camera view: a decodable PNG of the latest frame, with the estimate's label.
        await Expect(page.Locator("#frame-label")).ToContainTextAsync("free");
        var width = await page.Locator("#camera img").EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth)");
        Assert.Equal(state.Snapshot().Frame!.Width, width);
        await browser.ScreenshotAsync("2-pod-swap-prompt");
        var promptId = await swap.GetAttributeAsync("data-prompt");

        await swap.Locator("button").ClickAsync();
        await Expect(page.Locator($".prompt[data-prompt='{promptId}']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#pods")).ToHaveTextAsync("2", new() { Timeout = 30_000 }); // the next pod came, stows went on
        var result = await shift.WaitAsync(TimeSpan.FromSeconds(60));
        await Expect(page.Locator("#state")).ToHaveTextAsync("Complete");
        await browser.ScreenshotAsync("3-after-ack-shift-went-on");

        Assert.True(result.Summary.Stowed > 0);
        using var journal = InventoryJournal.Open(Path.Combine(dir, "run", "journal.db"), new VirtualClock(), readOnly: true);
        var acks = journal.Acknowledgements().Where(a => a.PromptId == promptId).ToList();
        var ack = Assert.Single(acks); // recorded once
        Assert.Equal(("olga", "hmi", nameof(PromptKind.PodSwap)), (ack.Operator, ack.Channel, ack.Kind));
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
        await browser.ScreenshotAsync("4-operator-no-packml");
    }

    [Fact(Timeout = 60_000)]
    public async Task Supervisor_Holds_And_Unholds_The_Cell()
    {
        await using var host = await HmiHost.StartAsync();
        await using var browser = await HmiBrowser.OpenAsync(host.Address);
        await browser.LoginAsync("sam", HmiHost.SupervisorPassword);
        var page = browser.Page;
        await Expect(page.Locator("#state")).ToHaveTextAsync("Execute");
        await browser.ScreenshotAsync("5-supervisor-execute");

        await page.ClickAsync("[data-cmd=Hold]");
        await Expect(page.Locator("#state")).ToHaveTextAsync("Held");
        await Expect(page.Locator("#alarms li.alarm")).ToContainTextAsync("Cell held");
        Assert.Equal(PackMlState.Held, host.Cell.State);
        await browser.ScreenshotAsync("6-supervisor-held");

        await page.ClickAsync("[data-cmd=Unhold]");
        await Expect(page.Locator("#state")).ToHaveTextAsync("Execute");
        Assert.Equal(PackMlState.Execute, host.Cell.State);
        Assert.Equal(409, await browser.PostStatusAsync("/api/packml/Unhold")); // not allowed in Execute
        Assert.Equal(400, await browser.PostStatusAsync("/api/packml/Suspend")); // not a command the HMI offers
    }

    [Fact(Timeout = 90_000)]
    public async Task Page_Recovers_After_The_Host_Restarts_And_Sends_The_Ack_Given_Meanwhile()
    {
        await using var host = await HmiHost.StartAsync();
        var prompt = host.Link.Prompt(PromptKind.ClearJam, "Belt jam at the EOAT: clear it.");
        var acked = new TaskCompletionSource<PromptAcknowledgedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Link.PromptAcknowledged += (_, e) => acked.TrySetResult(e);
        await using var browser = await HmiBrowser.OpenAsync(host.Address);
        await browser.LoginAsync("olga", HmiHost.OperatorPassword);
        var page = browser.Page;
        var card = page.Locator($".prompt[data-prompt='{prompt.Id}']");
        await Expect(card).ToBeVisibleAsync();
        await Expect(page.Locator("#banner")).ToBeHiddenAsync();

        var url = host.Address.ToString();
        await host.StopServerAsync();
        await Expect(page.Locator("#banner")).ToBeVisibleAsync();
        await card.Locator("button").ClickAsync(); // while the host is away
        await Expect(card.Locator("button")).ToHaveTextAsync("Acknowledged, sending…");
        await browser.ScreenshotAsync("7-disconnected-ack-queued");
        Assert.Contains(prompt, host.Link.PendingPrompts);

        await host.StartServerAsync(url); // same address, same cookie keys: the page is still logged in
        await Expect(page.Locator("#banner")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        var e = await acked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(("olga", "hmi"), (e.Operator, e.Channel));
        await Expect(card).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("8-reconnected");
    }
}
