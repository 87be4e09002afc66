using Microsoft.Playwright;

namespace Stow.Cell.Hmi.Tests;

/// <summary>
/// Debian's chromium, headless, through Playwright with an explicit executable path (Playwright's own browser download
/// does not work here), and a 1280x800 page; screenshots go to <c>TestResults/hmi/</c> under the test binary.
/// </summary>
internal sealed class HmiBrowser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HmiBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static string ScreenshotDir { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "hmi");

    public static async Task<HmiBrowser> OpenAsync(Uri address)
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: run scripts/setup.sh (apt package chromium)");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, BaseURL = address.ToString() });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return new HmiBrowser(playwright, browser, page);
    }

    public async Task LoginAsync(string user, string password)
    {
        await Page.FillAsync("#user", user);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("#login-form button");
        await Page.Locator("#main").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png") });
    }

    public async Task<int> PostStatusAsync(string path) =>
        await Page.EvaluateAsync<int>($"fetch('{path}', {{ method: 'POST' }}).then(r => r.status)");

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
