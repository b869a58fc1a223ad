using Microsoft.Playwright;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Web;

/// <summary>
/// The real API on a real port (its own fresh database with the demo) and one headless Debian Chromium for the whole test
/// class. Never downloads a browser: <c>./roster test</c> installs Debian's <c>chromium</c> package.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ApiFixture Api { get; } = ApiFixture.OnRealPort();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    /// <summary>Screenshots of the journeys, beside the test assembly.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run the tests with ./roster test, which installs Debian's chromium.");
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        // Assertions have their own default (5 s), which the context's does not change. Journeys of several classes run
        // side by side on CI's two cores, so a page can take longer than that to draw what an API call just changed.
        Assertions.SetDefaultExpectTimeout(10_000);
        await Api.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        var args = new List<string>
        {
            "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        };
        if (Environment.UserName == "root")
        {
            args.Add("--no-sandbox");
        }

        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true, Args = args,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Api.DisposeAsync();
    }

    /// <summary>A fresh browser context (own sessionStorage) on the service, as a phone or as a desktop.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Api.BaseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1440, Height = 900 },
            DeviceScaleFactor = 1,
            IsMobile = phone,
            HasTouch = phone,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }
}
