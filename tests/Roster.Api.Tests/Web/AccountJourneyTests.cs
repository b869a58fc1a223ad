using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Roster.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Roster.Api.Tests.Web;

/// <summary>The accounts page in Chinese: create an account, change its grants, reset its password, deactivate it.</summary>
public sealed class AccountJourneyTests(BrowserFixture web) : IClassFixture<BrowserFixture>
{
    private ApiFixture Api => web.Api;

    [Fact]
    public async Task Admin_CreatesGrantsResetsAndDeactivatesAnAccount_TheHolderChangesTheOneTimePassword()
    {
        var page = await web.NewPageAsync();
        await page.SignInAsync("admin");
        await page.GetByTestId("tab-accounts").ClickAsync();
        await Expect(page.GetByTestId("tab-accounts")).ToHaveTextAsync("账号管理");

        var create = page.GetByTestId("account-form");
        await create.GetByTestId("new-username").FillAsync("zhao.lei");
        await create.GetByTestId("new-display-name").FillAsync("赵磊");
        await create.GetByTestId("new-unit").SelectOptionAsync(new SelectOptionValue { Label = "第一中学" });
        await create.GetByTestId("new-role").SelectOptionAsync("staff");
        await create.Locator("button[type=submit]").ClickAsync();
        var oneTime = page.GetByTestId("one-time");
        await Expect(oneTime).ToContainTextAsync("仅显示这一次");
        var firstPassword = (await page.GetByTestId("one-time-password").TextContentAsync())!.Trim();
        var row = page.Locator("[data-testid=account][data-username='zhao.lei']");
        await Expect(row.GetByTestId("account-status")).ToHaveTextAsync("待修改初始密码");
        await page.ShotAsync("accounts-1-created-zh");

        // A second grant: administrator of school 1 as well.
        await row.GetByTestId("edit-grants").ClickAsync();
        var editor = page.GetByTestId("grants-editor");
        await editor.GetByTestId("grant-unit").SelectOptionAsync(new SelectOptionValue { Label = "第一中学" });
        await editor.GetByTestId("grant-role").SelectOptionAsync("admin");
        await editor.GetByTestId("add-grant").ClickAsync();
        await Expect(editor.GetByTestId("grant-row")).ToHaveCountAsync(2);
        await editor.GetByTestId("save-grants").ClickAsync();
        await Expect(row.GetByTestId("account-grants")).ToContainTextAsync("第一中学 · 管理员");
        var account = await AccountAsync("zhao.lei");
        Assert.Equal(2, account.GetProperty("grants").GetArrayLength());

        // Reset: a new one-time password, shown once; the first one stops working.
        await row.GetByTestId("reset-password").ClickAsync();
        await row.GetByTestId("confirm-reset").ClickAsync();
        await Expect(page.GetByTestId("one-time-password")).Not.ToHaveTextAsync(firstPassword);
        var resetPassword = (await page.GetByTestId("one-time-password").TextContentAsync())!.Trim();
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync("zhao.lei", firstPassword));
        await page.ShotAsync("accounts-2-reset-zh");

        // The holder signs in with it and must choose a password before anything else.
        var holder = await web.NewPageAsync(phone: true);
        await holder.GotoAsync("/");
        await holder.GetByTestId("username").FillAsync("zhao.lei");
        await holder.GetByTestId("password").FillAsync(resetPassword);
        await holder.GetByTestId("sign-in").Locator("button[type=submit]").ClickAsync();
        var change = holder.GetByTestId("change-password");
        await Expect(holder.GetByTestId("password-change")).ToContainTextAsync("一次性密码");
        await change.GetByTestId("current-password").FillAsync(resetPassword);
        await change.GetByTestId("new-password").FillAsync("password1234");
        await change.GetByTestId("confirm-password").FillAsync("password1234");
        await change.Locator("button[type=submit]").ClickAsync();
        await Expect(change.GetByTestId("error-newPassword")).ToContainTextAsync("common");
        await change.GetByTestId("new-password").FillAsync("松柏-值守-2027冬");
        await change.GetByTestId("confirm-password").FillAsync("松柏-值守-2027冬");
        await change.Locator("button[type=submit]").ClickAsync();
        await Expect(holder.GetByTestId("tab-admin")).ToBeVisibleAsync();
        await holder.ShotAsync("accounts-3-password-changed-phone");

        // Deactivation ends the holder's session and sign-in.
        await page.ReloadAsync();
        await page.GetByTestId("tab-accounts").ClickAsync();
        await row.GetByTestId("deactivate").ClickAsync();
        await Expect(row.GetByTestId("account-status")).ToHaveTextAsync("已停用");
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync("zhao.lei", "松柏-值守-2027冬"));
        await holder.ReloadAsync();
        await Expect(holder.GetByTestId("sign-in")).ToBeVisibleAsync();
        await page.ShotAsync("accounts-4-deactivated-zh");
    }

    private async Task<JsonElement> AccountAsync(string username)
    {
        var list = await (await Api.ClientAsync("admin")).GetFromJsonAsync<JsonElement>("/api/v1/accounts");
        return list.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("username").GetString() == username);
    }

    private async Task<HttpStatusCode> SignInStatusAsync(string username, string password)
    {
        using var client = new HttpClient { BaseAddress = Api.BaseAddress };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        return response.StatusCode;
    }
}
