using System.Text.Json;
using Microsoft.Playwright;
using Stow.Cell.Journal;
using Stow.Cell.Shift;
using Stow.Core.Time;
using static Microsoft.Playwright.Assertions;

namespace Stow.Cell.Hmi.Tests;

/// <summary>
/// The whole host restarts: a real <c>stowcell run</c> process is killed while a pod-swap prompt is open, the operator
/// acknowledges it on the disconnected page, and a new process on the same address and journal re-issues the prompt
/// with its id; the page reconnects by itself, sends the queued acknowledgement, and the journal records it once.
/// </summary>
public sealed class HmiRestartTests
{
    [Fact(Timeout = 400_000)]
    public async Task A_Prompt_Acknowledged_While_The_Host_Process_Is_Down_Reaches_The_Restarted_Host()
    {
        var dir = Directory.CreateTempSubdirectory("stowcell-hmi-restart-").FullName;
        var usersFile = Path.Combine(dir, "hmi-users.json");
        HmiUsersFile.Save(usersFile, new HmiUserOptions { Name = "olga", Role = HmiRole.Operator, PasswordHash = HmiPasswords.Hash(HmiHost.OperatorPassword) });
        var url = $"http://127.0.0.1:{StowCellProcess.FreePort()}";
        var config = Path.Combine(dir, "cell.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            Cell = new
            {
                Items = 60,
                Seed = 3,
                ArrivalFillMax = 0.7, // pods arrive well filled, so the first pod swap comes early
                Perception = new { Mode = "onnx" },
                Motion = new { Mode = "timed" },
                Mqtt = new { SimulatedOperator = false },
                Shift = new { OperatorTimeoutSeconds = 600, MaxPods = 3, EndAtPodLimit = true },
                Hmi = new { Url = url, UsersFile = usersFile, KeysDir = Path.Combine(dir, "keys") },
            },
        }));
        var run = Path.Combine(dir, "run");

        // The simulator draws the same items for the same catalogue and seed, and the journal refuses to induct an item
        // twice, so the restarted host inducts from another catalogue (a real cell's next items are new ones anyway).
        string[] Args(string catalog) => ["run", "--config", config, "--out", run, "--catalog", catalog];
        string promptId;
        await using (var first = StowCellProcess.Start(Args("arc2017")))
        {
            await first.WaitForHmiAsync(TimeSpan.FromSeconds(60));
            await using var browser = await HmiBrowser.OpenAsync(new Uri(url));
            await browser.LoginAsync("olga", HmiHost.OperatorPassword);
            var page = browser.Page;
            var swap = page.Locator(".prompt[data-kind=PodSwap]");
            await Expect(swap).ToBeVisibleAsync(new() { Timeout = 120_000 });
            promptId = (await swap.GetAttributeAsync("data-prompt"))!;
            await Expect(page.Locator("#banner")).ToBeHiddenAsync();

            await first.KillAsync();
            await Expect(page.Locator("#banner")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var card = page.Locator($".prompt[data-prompt='{promptId}']");
            await card.Locator("button").ClickAsync(); // while no host process runs
            await Expect(card.Locator("button")).ToHaveTextAsync("Acknowledged, sending…");
            await browser.ScreenshotAsync("6-host-process-down-ack-queued");

            using (var journal = InventoryJournal.Open(Path.Combine(run, "journal.db"), new VirtualClock(), readOnly: true))
            {
                Assert.Contains(journal.OpenPrompts(), p => p.Id == promptId); // journaled while open
                Assert.DoesNotContain(journal.Acknowledgements(), a => a.PromptId == promptId);
            }

            await using var second = StowCellProcess.Start(Args("olist"));
            await second.WaitForHmiAsync(TimeSpan.FromSeconds(60));
            await Expect(page.Locator("#banner")).ToBeHiddenAsync(new() { Timeout = 90_000 }); // reconnected by itself, still logged in
            // The queue empties on 200 (or on 404, which the journal check below would catch).
            await page.WaitForFunctionAsync("() => localStorage.getItem('stowcell.hmi.acks') === '[]'", null, new() { Timeout = 120_000 });
            await Expect(card).ToHaveCountAsync(0);
            await Expect(page.Locator("#pod .bin").First).ToBeVisibleAsync(new() { Timeout = 90_000 }); // the new shift is shown
            await browser.ScreenshotAsync("7-after-host-process-restart");
            await second.KillAsync();
            Assert.Contains($"prompt(s) were open at the last stop and are issued again: {promptId}", await ReadLogAsync(run), StringComparison.Ordinal);
        }

        using (var journal = InventoryJournal.Open(Path.Combine(run, "journal.db"), new VirtualClock(), readOnly: true))
        {
            var ack = Assert.Single(journal.Acknowledgements(), a => a.PromptId == promptId); // recorded once
            Assert.Equal(("olga", "hmi", nameof(PromptKind.PodSwap)), (ack.Operator, ack.Channel, ack.Kind));
            Assert.DoesNotContain(journal.OpenPrompts(), p => p.Id == promptId);
        }

        Directory.Delete(dir, recursive: true);
    }

    private static async Task<string> ReadLogAsync(string run)
    {
        var logs = Path.Combine(run, "logs");
        var text = new System.Text.StringBuilder();
        foreach (var f in Directory.GetFiles(logs))
        {
            // NLog keeps the file open while the host runs; share it.
            await using var s = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var r = new StreamReader(s);
            text.Append(await r.ReadToEndAsync());
        }

        return text.ToString();
    }
}
