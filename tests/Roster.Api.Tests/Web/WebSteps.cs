using Microsoft.Playwright;
using Roster.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Roster.Api.Tests.Web;

/// <summary>Steps the browser journeys share: sign in through the page, take a screenshot.</summary>
public static class WebSteps
{
    public static async Task SignInAsync(this IPage page, string username)
    {
        await page.GotoAsync("/");
        await page.GetByTestId("username").FillAsync(username);
        await page.GetByTestId("password").FillAsync(ApiFixture.Password);
        await page.GetByTestId("sign-in").Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#sign-out")).ToBeVisibleAsync();
    }

    public static async Task ShotAsync(this IPage page, string name, bool fullPage = true)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = fullPage,
        });
    }
}
